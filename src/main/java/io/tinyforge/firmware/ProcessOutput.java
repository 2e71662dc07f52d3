package io.tinyforge.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Exit status, stdout and stderr of one finished external command (run with a time limit). */
public record ProcessOutput(List<String> command, int status, String stdout, String stderr) {

    /** Runs {@code command} in {@code dir}, reading both streams on their own threads; fails after {@code seconds}. */
    public static ProcessOutput run(List<String> command, Path dir, long seconds) {
        try {
            Process p = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile()).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p, false));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p, true));
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after " + seconds + " s: " + String.join(" ", command));
            }
            return new ProcessOutput(List.copyOf(command), p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static String read(Process p, boolean err) {
        try {
            return new String((err ? p.getErrorStream() : p.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public boolean ok() {
        return status == 0;
    }

    public String commandLine() {
        return String.join(" ", command);
    }
}
