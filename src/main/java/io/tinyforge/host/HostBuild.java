package io.tinyforge.host;

import io.tinyforge.ir.ModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles a generated model directory plus a harness with the host C compiler, as strictly as the runtime is
 * written: {@code gcc -std=c99 -O2 -ffp-contract=off -Wall -Wextra -Werror -pedantic}
 * ({@code -ffp-contract=off}: no fused multiply-add, so float kernels round exactly as the Java reference).
 * The compiler is {@code gcc} unless the
 * {@code TINYFORGE_HOST_CC} environment variable names another.
 */
public final class HostBuild {
    /** The warning and standard flags every generated file must pass. */
    public static final List<String> FLAGS = List.of("-std=c99", "-O2", "-ffp-contract=off", "-Wall", "-Wextra",
            "-Werror", "-pedantic");

    private HostBuild() {
    }

    /**
     * Writes {@code harnessSource} to {@code buildDir/harness.c}, compiles it with every {@code .c} of
     * {@code generatedDir} and returns the program. A compile error throws {@link HostBuildException} with
     * the compiler's output.
     */
    public static HostProgram compile(Path generatedDir, String harnessSource, Path buildDir) {
        try {
            Files.createDirectories(buildDir);
            Path harness = buildDir.resolve("harness.c");
            Files.writeString(harness, harnessSource, StandardCharsets.UTF_8);
            Path exe = buildDir.resolve("model_host");
            List<String> cmd = new ArrayList<>();
            cmd.add(compiler());
            cmd.addAll(FLAGS);
            cmd.add("-I");
            cmd.add(generatedDir.toString());
            cmd.addAll(cSources(generatedDir));
            cmd.add(harness.toString());
            cmd.add("-o");
            cmd.add(exe.toString());
            Result r = exec(cmd, buildDir, 600);
            if (r.code != 0) {
                throw failed(cmd, r);
            }
            return new HostProgram(exe, buildDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles only (no harness, no link): checks that every file of {@code generatedDir} is warning-free. */
    public static void checkCompiles(Path generatedDir, Path buildDir) {
        try {
            Files.createDirectories(buildDir);
            for (String src : cSources(generatedDir)) {
                List<String> cmd = new ArrayList<>();
                cmd.add(compiler());
                cmd.addAll(FLAGS);
                cmd.addAll(List.of("-I", generatedDir.toString(), "-c", src, "-o",
                        buildDir.resolve(Path.of(src).getFileName() + ".o").toString()));
                Result r = exec(cmd, buildDir, 600);
                if (r.code != 0) {
                    throw failed(cmd, r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First line: the first diagnostic; then the command and the whole compiler output. */
    private static HostBuildException failed(List<String> cmd, Result r) {
        String first = r.output.lines().filter(l -> l.contains("error")).findFirst()
                .orElse(r.output.lines().findFirst().orElse("exit code " + r.code));
        return new HostBuildException("generated C does not compile on the host: " + first.strip() + "\n"
                + String.join(" ", cmd) + "\n" + r.output);
    }

    static String compiler() {
        String cc = System.getenv("TINYFORGE_HOST_CC");
        return cc == null || cc.isBlank() ? "gcc" : cc;
    }

    private static List<String> cSources(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".c")).map(Path::toString).sorted().toList();
        }
    }

    /** Exit code and merged stdout/stderr of a finished process. */
    record Result(int code, String output) {
    }

    static Result exec(List<String> cmd, Path dir, long timeoutSeconds) {
        Path log = null;
        try {
            log = Files.createTempFile(dir, "process", ".log");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HostBuildException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelException("cannot run " + cmd.get(0) + " (" + e.getMessage()
                    + "); install gcc or set TINYFORGE_HOST_CC");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostBuildException("interrupted while running " + cmd.get(0));
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // a leftover log in the build directory is harmless
                }
            }
        }
    }
}
