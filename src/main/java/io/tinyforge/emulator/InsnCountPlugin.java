package io.tinyforge.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tinyforge's QEMU TCG plugin ({@code tests-hw/qemu-plugin/tfg_insnmark.c}, also on the classpath as
 * {@code qemu-plugin/tfg_insnmark.c}): built with the host gcc on first use; counts guest instructions from
 * each execution of a start address to the next stop address, one {@code interval K COUNT} line each.
 */
public final class InsnCountPlugin {

    private static final String RESOURCE = "qemu-plugin/tfg_insnmark.c";
    private static final Path SOURCE_TREE = Path.of("tests-hw", "qemu-plugin", "tfg_insnmark.c");

    private final Path library;

    private InsnCountPlugin(Path library) {
        this.library = library;
    }

    public Path library() {
        return library;
    }

    /** Compiles the plugin into {@code outDir} (skipped when the same source was built there before). */
    public static InsnCountPlugin build(Path outDir) {
        try {
            byte[] source = source();
            Files.createDirectories(outDir);
            Path src = outDir.resolve("tfg_insnmark.c");
            Path so = outDir.resolve("libtfg_insnmark.so");
            if (Files.exists(so) && Files.exists(src) && Arrays.equals(Files.readAllBytes(src), source)) {
                return new InsnCountPlugin(so);
            }
            Files.write(src, source);
            Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-o",
                    so.toString(), src.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                Files.deleteIfExists(so);
                throw new IllegalStateException("building the QEMU instruction-count plugin failed: " + out);
            }
            return new InsnCountPlugin(so);
        } catch (IOException e) {
            throw new UncheckedIOException("building the QEMU instruction-count plugin (needs host gcc)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] source() throws IOException {
        try (InputStream in = InsnCountPlugin.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        if (Files.exists(SOURCE_TREE)) {
            return Files.readAllBytes(SOURCE_TREE);
        }
        throw new IOException("plugin source " + RESOURCE + " is neither on the classpath nor at " + SOURCE_TREE);
    }

    /** The {@code -plugin} argument counting from {@code start} to {@code stop}, writing to {@code out}. */
    public String argument(long start, long stop, Path out) {
        return library + ",start=0x" + Long.toHexString(start) + ",stop=0x" + Long.toHexString(stop) + ",out=" + out;
    }

    /** Reads the interval counts the plugin wrote, in order. */
    public static List<Long> intervals(Path out) {
        List<Long> r = new ArrayList<>();
        try {
            if (!Files.exists(out)) {
                return r;
            }
            for (String line : Files.readAllLines(out)) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && f[0].equals("interval")) {
                    r.add(Long.parseLong(f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }
}
