package io.tinyforge.course.steps;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.Init;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.prune.ZeroKeepingClusterer;
import java.util.List;

/**
 * Deep Compression order on a pruned int8 variant ({@code tinyforge cluster --keep-zeros}): the non-zero int8
 * weights of each tensor share 2^N − 1 values, zeros stay zero, so the generator stores the filters as sparse
 * entries with N-bit codebook indices.
 */
public final class PruneClusterStep extends DerivedStep {
    private final int bits;

    public PruneClusterStep(String base, String id, String label, int bits) {
        super(base, id, label);
        this.bits = bits;
    }

    @Override
    public String label() {
        return "zero-keeping k-means " + bits + " bit of " + base;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        ClusterOptions o = new ClusterOptions(bits, false, Init.LINEAR, ctx.budget().seed(), 300);
        var r = ZeroKeepingClusterer.cluster(ctx.variant(base).graph(), o);
        return List.of(CourseContext.variant(id, label, base, List.of("k-means " + bits + " bit of the non-zero int8 "
                + "weights per tensor (" + ((1 << bits) - 1) + " centroids, zeros kept), no fine-tuning"), r.graph()));
    }
}
