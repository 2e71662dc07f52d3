package io.tinyforge.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on a stream (stderr in the CLI): on a terminal a single line redrawn with {@code \r}
 * (bar, batch, running loss and accuracy), otherwise one plain line per epoch. A null stream prints nothing.
 */
public final class TrainProgress {
    private static final int BAR = 24;
    private final PrintStream out;
    private final boolean terminal;
    private int epoch;
    private int epochs;
    private int batches;
    private long lastDraw;

    public TrainProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Progress on stderr, redrawn in place when a console is attached. */
    public static TrainProgress stderr() {
        return new TrainProgress(System.err, System.console() != null);
    }

    /** No output. */
    public static TrainProgress silent() {
        return new TrainProgress(null, false);
    }

    void startEpoch(int epochIndex, int epochCount, int batchCount) {
        this.epoch = epochIndex;
        this.epochs = epochCount;
        this.batches = batchCount;
        this.lastDraw = 0;
    }

    void batch(int done, double meanLoss, double accuracy) {
        if (out == null || !terminal) {
            return;
        }
        long now = System.nanoTime();
        if (done < batches && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) BAR * done / Math.max(1, batches));
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f acc %.4f", epoch, epochs,
                "=".repeat(filled), " ".repeat(BAR - filled), done, batches, meanLoss, accuracy));
        out.flush();
    }

    void endEpoch(double meanLoss, double accuracy, double validationAccuracy, double seconds) {
        if (out == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "epoch %d/%d loss %.4f acc %.4f%s %.1f s", epoch, epochs, meanLoss,
                accuracy, Double.isNaN(validationAccuracy) ? ""
                        : String.format(Locale.ROOT, " val-acc %.4f", validationAccuracy), seconds);
        out.print(terminal ? "\r" + line + "\u001b[K\n" : line + "\n");
        out.flush();
    }
}
