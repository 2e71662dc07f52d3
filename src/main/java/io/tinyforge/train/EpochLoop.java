package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.fixtures.SplitMix64;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.ToDoubleFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The mini-batch loop every trainer of this package runs: per epoch a Fisher–Yates shuffle of the example order
 * from one {@link SplitMix64} stream per run ({@code seed · 0x9E3779B97F4A7C15 + salt}), batches of consecutive
 * shuffled examples, one SameDiff fit per batch (the very first one with stdout silenced: SameDiff prints each
 * differentiated op once), a hook after every step, and {@link TrainProgress} per batch and per epoch with the
 * validation accuracy. A trainer supplies its graph, its batches, its statistics listener and its hook.
 */
final class EpochLoop {

    /** The batch of the examples {@code order[from..to)}. */
    interface Batcher {
        MultiDataSet batch(int[] order, int from, int to);
    }

    private final SameDiff sd;
    private boolean fitted;

    EpochLoop(SameDiff sd) {
        this.sd = sd;
    }

    /** Whether a fit has run (SameDiff then holds its gradient graph and updater state). */
    boolean fitted() {
        return fitted;
    }

    /** The number of batches of {@code batch} examples (the last one may be short) in {@code examples}. */
    static int batches(int examples, int batch) {
        return (examples + batch - 1) / batch;
    }

    /**
     * Runs {@code epochs} epochs over {@code examples} examples; {@code validation} (nullable) is scored with
     * {@code accuracy} after each epoch.
     */
    void run(int examples, int epochs, int batch, long seed, long salt, BatchStats stats, Batcher batcher,
            Runnable afterStep, LabeledImages validation, ToDoubleFunction<LabeledImages> accuracy,
            TrainProgress progress) {
        int n = examples;
        int batches = batches(n, batch);
        SplitMix64 shuffle = new SplitMix64(seed * 0x9E3779B97F4A7C15L + salt);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            for (int i = n - 1; i > 0; i--) {
                int j = (int) Long.remainderUnsigned(shuffle.next(), i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            progress.startEpoch(e + 1, epochs, batches);
            stats.reset();
            for (int b = 0; b < batches; b++) {
                int from = b * batch;
                int to = Math.min(n, from + batch);
                MultiDataSet ds = batcher.batch(order, from, to);
                if (!fitted) {
                    PrintStream saved = System.out;
                    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                    try {
                        sd.fit(ds, stats);
                    } finally {
                        System.setOut(saved);
                    }
                    fitted = true;
                } else {
                    sd.fit(ds, stats);
                }
                afterStep.run();
                progress.batch(b + 1, stats.meanLoss(), stats.accuracy());
            }
            double val = validation == null ? Double.NaN : accuracy.applyAsDouble(validation);
            progress.endEpoch(stats.meanLoss(), stats.accuracy(), val, (System.nanoTime() - t0) / 1e9);
        }
    }
}
