package io.tinyforge.prune;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.TrainProgress;
import io.tinyforge.train.TrainedCnn;
import java.util.ArrayList;
import java.util.List;

/**
 * Prune and fine-tune: unstructured magnitude pruning with a {@link PruningSchedule} during {@code epochs} of
 * fine-tuning (the first weight layer stays dense, the others reach sparsity · all / pruned weights so the model's
 * overall sparsity is the target) ({@link MagnitudePruner} as a step hook of {@link CnnTrainer}), or structured filter pruning
 * ({@link StructuredPruner}, one shot) followed by fine-tuning of the smaller network. Deterministic for a seed.
 */
public final class Pruner {

    /** The fine-tuned network and the trainer that holds it (for evaluation). */
    public record Result(TrainedCnn cnn, CnnTrainer trainer) {
    }

    private Pruner() {
    }

    /** Prunes {@code base} and fine-tunes it on {@code train}; {@code validation} (nullable) is scored per epoch. */
    public static Result run(TrainedCnn base, LabeledImages train, LabeledImages validation, PruneOptions o,
            TrainProgress progress) {
        TrainedCnn start = base;
        if (o.structured()) {
            start = StructuredPruner.prune(base, o.sparsity(), o.norm()).cnn();
        }
        CnnTrainer trainer = new CnnTrainer(new CnnTrainer.Config(start.arch(), o.epochs(), o.batch(),
                o.learningRate(), o.seed()), start.height(), start.width());
        trainer.load(start);
        MagnitudePruner pruner = null;
        if (!o.structured()) {
            long total = (long) o.epochs() * trainer.batchesPerEpoch(train.count());
            PruningSchedule s = o.schedule() == PruningSchedule.Kind.CONSTANT
                    ? PruningSchedule.constant(o.sparsity(), 100)
                    : PruningSchedule.polynomial(o.sparsity(), total);
            int[] layers = weightLayers(start.arch());
            long all = 0;
            long pruned = 0;
            for (int i = 0; i < layers.length; i++) {
                long n = start.layers().get(layers[i]).weights().length;
                all += n;
                pruned += i == 0 && layers.length > 1 ? 0 : n;
            }
            // the first weight layer (a few k x k x 1 filters on the raw image) stays dense; the others are pruned
            // a little harder so the model as a whole has the requested share of zeros
            int[] rest = layers.length > 1 ? java.util.Arrays.copyOfRange(layers, 1, layers.length) : layers;
            pruner = new MagnitudePruner(s, (double) all / pruned, rest);
            pruner.start(trainer);
            trainer.addStepHook(pruner);
        }
        trainer.train(train, validation, progress);
        if (pruner != null) {
            pruner.finish(trainer);
        }
        return new Result(trainer.result(), trainer);
    }

    /** Indices of the layers with weights (convolutions and dense layers). */
    static int[] weightLayers(ArchSpec arch) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < arch.layers().size(); i++) {
            if (arch.layers().get(i).kind() != ArchSpec.Kind.POOL) {
                r.add(i);
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }
}
