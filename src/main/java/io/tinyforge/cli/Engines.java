package io.tinyforge.cli;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** Runs input records through the Java reference or through generated C compiled for the host. */
final class Engines {

    private Engines() {
    }

    /** Each record independently (reset first) through the Java reference interpreter. */
    static byte[] java(PreparedModel m, byte[] records) {
        Interpreter it = new Interpreter(m);
        int in = (int) m.graph().inputRecordBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = in == 0 ? 0 : records.length / in;
        for (int i = 0; i < n; i++) {
            out.writeBytes(it.run(Arrays.copyOfRange(records, i * in, (i + 1) * in)));
        }
        return out.toByteArray();
    }

    /** Generates {@code m} into {@code dir}, compiles it with the host harness into {@code build}. */
    static HostProgram build(PreparedModel m, GeneratorOptions opt, Path dir, Path build) {
        GeneratedModel gm = CodeGenerator.generate(m, opt, dir);
        return HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), build);
    }

    /** Generates, compiles and runs the records in a temporary directory that is deleted afterwards. */
    static byte[] c(PreparedModel m, GeneratorOptions opt, byte[] records) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("tinyforge-run");
            return build(m, opt, tmp.resolve("model"), tmp.resolve("build")).run(records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(tmp);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
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
