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
 * fine-tuning ({@link MagnitudePruner} as a step hook of {@link CnnTrainer}), or structured filter pruning
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
            pruner = new MagnitudePruner(s, weightLayers(start.arch()));
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
