package io.tinyforge.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files into a directory so that an error leaves nothing half-written: everything goes into a
 * temporary sibling directory first, then each file is moved into place; files an earlier generation left
 * there (recognized by the generator's header) and no longer part of the set are removed. Other files are
 * not touched.
 */
final class OutputDir {

    private OutputDir() {
    }

    static void write(Path dir, Map<String, byte[]> files, String generatedMark) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new io.tinyforge.ir.ModelException("--out " + dir + " exists and is not a directory");
            }
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(tmp.resolve(e.getKey()), e.getValue());
            }
            Files.createDirectories(target); // only now: a failure above leaves no new directory behind
            removeStale(target, files, generatedMark);
            for (String name : files.keySet()) {
                move(tmp.resolve(name), target.resolve(name));
            }
        } catch (IOException e) {
            throw new io.tinyforge.ir.ModelException("cannot write " + dir + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void removeStale(Path target, Map<String, byte[]> files, String mark) throws IOException {
        try (Stream<Path> s = Files.list(target)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!files.containsKey(n) && Files.isRegularFile(p) && (n.endsWith(".c") || n.endsWith(".h"))
                        && startsWith(p, mark)) {
                    Files.delete(p);
                }
            }
        }
    }

    private static boolean startsWith(Path p, String mark) throws IOException {
        byte[] want = mark.getBytes(StandardCharsets.UTF_8);
        try (var in = Files.newInputStream(p)) {
            byte[] got = in.readNBytes(want.length);
            return java.util.Arrays.equals(got, want);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
