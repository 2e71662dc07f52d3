package io.tinyforge.emulator;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a generated Renode Robot test ({@code renode-test FILE.robot}) when Renode is installed; otherwise
 * says so in one line. Not exercised by tinyforge's own tests: Renode cannot be installed on the CI machine.
 */
public final class RenodeRunner {

    /** The one-line message when Renode is absent. */
    public static final String NOT_INSTALLED =
            "Renode is not installed (renode-test not on PATH); install Renode to run the generated .robot test";

    private final Duration timeout;

    public RenodeRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** Whether {@code renode-test} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "renode-test"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs {@code robot} (from its directory); SUCCESS when renode-test exits 0. */
    public EmulatorResult run(Path robot) {
        if (!available()) {
            throw new IllegalStateException(NOT_INSTALLED);
        }
        List<String> cmd = List.of("renode-test", robot.getFileName().toString());
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(robot.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // killed
                }
            });
            reader.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
            }
            reader.join(5000);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Outcome o = !finished ? Outcome.HANG : p.exitValue() == 0 ? Outcome.SUCCESS : Outcome.ERROR;
            return new EmulatorResult(o, finished ? p.exitValue() : -1, out.toString(), "", cmd, ms, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run renode-test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
