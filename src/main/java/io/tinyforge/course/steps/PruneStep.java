package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.ir.Graph;
import io.tinyforge.prune.PruneOptions;
import io.tinyforge.prune.Pruner;
import io.tinyforge.prune.PruningMetadata;
import io.tinyforge.prune.PruningSchedule;
import io.tinyforge.prune.StructuredPruner;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.TrainedCnn;
import java.util.List;
import java.util.Locale;

/**
 * Pruning of the trained float CNN with fine-tuning ({@code tinyforge prune}): unstructured magnitude pruning
 * to {@code sparsity} zeros on a polynomial schedule, or structured removal of that fraction of the filters (L1
 * norm); the fine-tuned float weights are kept under {@code keepAs} for later steps, and the variant is their
 * full-int8 PTQ, whose zeros the generator stores sparsely when that is smaller.
 */
public final class PruneStep implements CompressionStep {
    private final String id;
    private final String keepAs;
    private final String label;
    private final double sparsity;
    private final boolean structured;

    public PruneStep(String id, String keepAs, String label, double sparsity, boolean structured) {
        this.id = id;
        this.keepAs = keepAs;
        this.label = label;
        this.sparsity = sparsity;
        this.structured = structured;
    }

    @Override
    public List<String> produces() {
        return List.of(id);
    }

    @Override
    public String label() {
        return String.format(Locale.ROOT, "%s pruning %.0f %% + int8", structured ? "structured" : "magnitude",
                100 * sparsity);
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        CourseBudget b = ctx.budget();
        TrainedCnn base = ctx.cnn(TrainFloatStep.ID);
        PruneOptions o = new PruneOptions(sparsity, structured, PruningSchedule.Kind.POLYNOMIAL,
                StructuredPruner.Norm.L1, b.fineTuneEpochs(), 64, 1e-3, b.seed());
        Pruner.Result r = Pruner.run(base, ctx.data().train(), null, o, ctx.trainProgress(label()));
        ctx.keep(keepAs, r.cnn());
        Graph g = PruningMetadata.attach(CnnGraph.of(r.cnn(), keepAs), o, base.arch().toString(),
                r.cnn().arch().toString());
        String how = structured
                ? String.format(Locale.ROOT, "structured pruning: %.0f %% of the filters by L1 norm (%s -> %s)",
                        100 * sparsity, base.arch(), r.cnn().arch())
                : String.format(Locale.ROOT, "magnitude pruning to %.0f %% zeros, polynomial schedule", 100 * sparsity);
        return List.of(CourseContext.variant(id, label, TrainFloatStep.ID, List.of(how, "fine-tuned "
                + b.fineTuneEpochs() + " epoch(s), lr 0.001", PtqInt8Step.recipe(ctx)), PtqInt8Step.int8(ctx, g)));
    }
}
