package io.tinyforge.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A host C/C++ program built for a test: compiled with the given command (warnings as errors for C), then run
 * with bytes on stdin, returning stdout. Tests skip, with a message, when the compiler is not installed.
 */
public final class NativeProgram {
    private final Path exe;

    private NativeProgram(Path exe) {
        this.exe = exe;
    }

    /** True when {@code tool --version} runs. */
    public static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Compiles {@code sources} with {@code compiler} and {@code flags} into {@code dir}; skips the calling test
     * when the compiler is missing and fails it, printing the compiler output, when compilation fails.
     */
    public static NativeProgram build(String compiler, List<String> flags, List<Path> sources, Path dir) {
        assumeTrue(available(compiler), "skipped: " + compiler + " not installed");
        Path exe = dir.resolve("prog");
        List<String> cmd = new ArrayList<>();
        cmd.add(compiler);
        cmd.addAll(flags);
        for (Path s : sources) {
            cmd.add(s.toString());
        }
        cmd.add("-o");
        cmd.add(exe.toString());
        Result r = exec(cmd, new byte[0]);
        if (r.exit != 0) {
            fail("compilation failed: " + String.join(" ", cmd) + "\n" + new String(r.stderr) + new String(r.stdout));
        }
        return new NativeProgram(exe);
    }

    /** Runs the program with {@code args}, feeding {@code stdin}; fails on a non-zero exit. */
    public byte[] run(byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        Result r = exec(cmd, stdin);
        if (r.exit != 0) {
            fail(exe + " " + String.join(" ", args) + " exited " + r.exit + ": " + new String(r.stderr));
        }
        return r.stdout;
    }

    private record Result(int exit, byte[] stdout, byte[] stderr) {
    }

    private static Result exec(List<String> cmd, byte[] stdin) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (var os = p.getOutputStream()) {
                os.write(stdin);
            }
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code dir/name} and returns the path. */
    public static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
