package io.tinyforge.course.steps;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import java.util.List;

/**
 * k-means weight clustering of a variant's weights ({@code tinyforge cluster --bits N}); an int8 base is then
 * stored in C as codebooks + packed indices.
 */
public final class KMeansStep extends DerivedStep {
    private final int bits;
    private final boolean perChannel;

    public KMeansStep(String base, String id, String label, int bits, boolean perChannel) {
        super(base, id, label);
        this.bits = bits;
        this.perChannel = perChannel;
    }

    @Override
    public String label() {
        return "k-means " + bits + "-bit clustering of " + base;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        ClusterOptions o = new ClusterOptions(bits, perChannel, Init.LINEAR, ctx.budget().seed(), 300);
        var r = WeightClusterer.cluster(ctx.variant(base).graph(), o);
        return List.of(CourseContext.variant(id, label, base, List.of("k-means " + bits + " bit ("
                + (perChannel ? "per output channel" : "per tensor") + ", linear init), no fine-tuning"), r.graph()));
    }
}
