package io.tinyforge.course.steps;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.train.ClusterFineTuner;
import java.util.List;

/**
 * Fine-tuned clustering ({@code tinyforge cluster --fine-tune-epochs}): k-means on the float weights, the
 * centroids trained with gradients shared per cluster, then full-int8 PTQ (per-channel int8 of a clustered float
 * filter keeps at most 2^N values per channel, so the generator still stores codebooks).
 */
public final class ClusterFineTuneStep extends DerivedStep {
    private final int bits;

    public ClusterFineTuneStep(String base, String id, String label, int bits) {
        super(base, id, label);
        this.bits = bits;
    }

    @Override
    public String label() {
        return "k-means " + bits + " bit of " + base + ", fine-tuned, int8";
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        CourseBudget b = ctx.budget();
        ClusterOptions o = new ClusterOptions(bits, false, Init.LINEAR, b.seed(), 300);
        var clustered = WeightClusterer.cluster(ctx.variant(base).graph(), o).graph();
        ClusterFineTuner ft = new ClusterFineTuner(clustered, false, new ClusterFineTuner.Config(b.fineTuneEpochs(), 64,
                2e-4, b.seed()));
        ft.train(ctx.data().train(), null, ctx.trainProgress(label()));
        return List.of(CourseContext.variant(id, label, base, List.of("k-means " + bits + " bit per tensor of the "
                + "float weights (linear init)", "centroids fine-tuned " + b.fineTuneEpochs() + " epoch(s), lr 0.0002",
                PtqInt8Step.recipe(ctx)), PtqInt8Step.int8(ctx, ft.result())));
    }
}
