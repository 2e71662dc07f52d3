package io.tinyforge.course.steps;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import java.util.List;

/**
 * k-means weight clustering of a variant's weights ({@code tinyforge cluster --bits N}); an int8 base is then
 * stored in C as codebooks + packed indices.
 */
public final class KMeansStep implements CompressionStep {
    private final String base;
    private final String id;
    private final String label;
    private final int bits;
    private final boolean perChannel;

    public KMeansStep(String base, String id, String label, int bits, boolean perChannel) {
        this.base = base;
        this.id = id;
        this.label = label;
        this.bits = bits;
        this.perChannel = perChannel;
    }

    @Override
    public List<String> produces() {
        return List.of(id);
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
