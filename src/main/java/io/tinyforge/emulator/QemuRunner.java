package io.tinyforge.emulator;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Cortex-M ELF in {@code qemu-system-arm -M <machine>} and classifies how it ended. With a
 * semihosting console the program's output comes on stdout (a chardev) and QEMU's exit code is the program's
 * status; with a UART console the output is the serial port and the status comes from an {@code EXIT <n>}
 * line, after which QEMU is stopped. A time limit kills a hung emulator. Knows nothing of models.
 */
public final class QemuRunner {

    private static final Pattern EXIT_LINE = Pattern.compile("^EXIT (-?\\d+)$");
    /** QEMU aborts (SIGABRT, 128 + 6) on "Lockup: can't escalate". */
    private static final int QEMU_ABORT = 134;
    private static final int FAULT_STATUS = 99;

    private final String machine;
    private final boolean semihosting;
    private final Duration timeout;

    /**
     * @param machine the {@code -M} value
     * @param semihosting true when the firmware's console is semihosting, false for a UART console
     */
    public QemuRunner(String machine, boolean semihosting, Duration timeout) {
        this.machine = machine;
        this.semihosting = semihosting;
        this.timeout = timeout;
    }

    /** Whether {@code qemu-system-arm} is on the PATH. */
    public static boolean available() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "qemu-system-arm"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The full command line for {@code elf}, with an optional {@code -plugin} argument (null for none). */
    public List<String> command(Path elf, String pluginArgument) {
        List<String> cmd = new ArrayList<>(List.of("qemu-system-arm", "-M", machine, "-display", "none",
                "-monitor", "none"));
        if (semihosting) {
            cmd.addAll(List.of("-serial", "none", "-chardev", "stdio,id=sh0",
                    "-semihosting-config", "enable=on,target=native,chardev=sh0"));
        } else {
            cmd.addAll(List.of("-serial", "stdio"));
        }
        if (pluginArgument != null) {
            cmd.addAll(List.of("-plugin", pluginArgument));
        }
        cmd.addAll(List.of("-kernel", elf.toString()));
        return cmd;
    }

    /** Runs {@code elf} without instruction counting. */
    public EmulatorResult run(Path elf) {
        return run(elf, null, null);
    }

    /**
     * Runs {@code elf}; with a plugin, counts instructions between each execution of {@code start} and
     * {@code stop} (addresses) into the result's intervals.
     */
    public EmulatorResult run(Path elf, InsnCountPlugin plugin, long[] startStop) {
        Path countFile = null;
        String pluginArg = null;
        try {
            if (plugin != null) {
                countFile = Files.createTempFile("tfg-insns", ".txt");
                pluginArg = plugin.argument(startStop[0], startStop[1], countFile);
            }
            List<String> cmd = command(elf, pluginArg);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            StringBuilder console = new StringBuilder();
            AtomicInteger uartStatus = new AtomicInteger(Integer.MIN_VALUE);
            Thread outReader = new Thread(() -> readConsole(p, console, uartStatus), "qemu-stdout");
            StringBuilder log = new StringBuilder();
            Thread errReader = new Thread(() -> drain(p, log), "qemu-stderr");
            outReader.start();
            errReader.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            outReader.join(5000);
            errReader.join(5000);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            List<Long> intervals = countFile == null ? List.of() : InsnCountPlugin.intervals(countFile);
            String out;
            synchronized (console) {
                out = console.toString();
            }
            String err;
            synchronized (log) {
                err = log.toString();
            }
            return classify(finished, p.exitValue(), uartStatus.get(), out, err, cmd, millis, intervals);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run qemu-system-arm", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (countFile != null) {
                try {
                    Files.deleteIfExists(countFile);
                } catch (IOException ignored) {
                    // a temp file; nothing to do
                }
            }
        }
    }

    private EmulatorResult classify(boolean finished, int qemuStatus, int uartStatus, String out, String err,
            List<String> cmd, long millis, List<Long> intervals) {
        boolean lockup = err.contains("Lockup");
        if (!semihosting) {
            if (uartStatus != Integer.MIN_VALUE) {
                return new EmulatorResult(byStatus(uartStatus), uartStatus, out, err, cmd, millis, intervals);
            }
            Outcome o = lockup ? Outcome.LOCKUP : finished ? Outcome.ERROR : Outcome.HANG;
            return new EmulatorResult(o, -1, out, err, cmd, millis, intervals);
        }
        if (!finished) {
            return new EmulatorResult(Outcome.HANG, -1, out, err, cmd, millis, intervals);
        }
        if (lockup || qemuStatus == QEMU_ABORT) {
            return new EmulatorResult(Outcome.LOCKUP, qemuStatus, out, err, cmd, millis, intervals);
        }
        return new EmulatorResult(byStatus(qemuStatus), qemuStatus, out, err, cmd, millis, intervals);
    }

    private static Outcome byStatus(int status) {
        return status == 0 ? Outcome.SUCCESS : status == FAULT_STATUS ? Outcome.FAULT : Outcome.ERROR;
    }

    private void readConsole(Process p, StringBuilder console, AtomicInteger uartStatus) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String clean = line.replace("\r", "");
                synchronized (console) {
                    console.append(clean).append('\n');
                }
                Matcher m = EXIT_LINE.matcher(clean);
                if (!semihosting && m.matches()) {
                    uartStatus.set(Integer.parseInt(m.group(1)));
                    p.destroyForcibly();
                    return;
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read is kept
        }
    }

    private static void drain(Process p, StringBuilder log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (log) {
                    log.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }
}
