package io.tinyforge.prune;

import io.tinyforge.ir.ModelException;

/**
 * How to prune: target {@code sparsity} (fraction of zero weights, or with {@code structured} the fraction of
 * filters removed), the schedule of unstructured pruning, the filter norm of structured pruning, and the
 * fine-tuning run (epochs, batch, Adam learning rate, seed).
 */
public record PruneOptions(double sparsity, boolean structured, PruningSchedule.Kind schedule,
        StructuredPruner.Norm norm, int epochs, int batch, double learningRate, long seed) {

    public PruneOptions {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new ModelException("--sparsity must be in [0, 1), not " + sparsity);
        }
        if (epochs < 0 || batch < 1 || !(learningRate > 0)) {
            throw new ModelException("bad fine-tuning settings: epochs " + epochs + ", batch " + batch + ", lr "
                    + learningRate);
        }
    }
}
