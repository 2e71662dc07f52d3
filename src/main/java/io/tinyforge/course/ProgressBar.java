package io.tinyforge.course;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on a stream: on a terminal one line redrawn with {@code \r} at most ten times a second;
 * otherwise only the finished line. {@link #done()} prints the final line with the elapsed seconds. A null
 * stream prints nothing. Thread-safe.
 */
public final class ProgressBar {
    private static final int WIDTH = 28;
    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;

    ProgressBar(PrintStream out, boolean terminal, String label, long total) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.total = Math.max(1, total);
        if (out != null && terminal) {
            draw();
        }
    }

    /** Adds {@code n} finished units. */
    public synchronized void step(long n) {
        done = Math.min(total, done + n);
        long now = System.nanoTime();
        if (out != null && terminal && now - lastDraw > 100_000_000L) {
            lastDraw = now;
            draw();
        }
    }

    /** Completes the bar; returns the seconds since it was created. */
    public synchronized double done() {
        done = total;
        double s = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            String line = String.format(Locale.ROOT, "  %-34s [%s] %5.1f s", label, "=".repeat(WIDTH), s);
            out.print(terminal ? "\r" + line + "\u001b[K\n" : line + "\n");
            out.flush();
        }
        return s;
    }

    private void draw() {
        int filled = (int) (WIDTH * done / total);
        out.print(String.format(Locale.ROOT, "\r  %-34s [%s%s] %3d%%", label, "=".repeat(filled),
                " ".repeat(WIDTH - filled), 100 * done / total));
        out.flush();
    }
}
