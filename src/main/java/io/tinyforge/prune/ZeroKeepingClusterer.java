package io.tinyforge.prune;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.ClusteringMetadata;
import io.tinyforge.cluster.CodebookLayout;
import io.tinyforge.cluster.KMeans1D;
import io.tinyforge.cluster.WeightTensor;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weight clustering of a pruned model (Deep Compression order: prune, then share weights): like
 * {@code cluster.WeightClusterer}, but exact zeros stay zero and only the non-zero weights of each tensor (or
 * output channel) are clustered, into 2^N − 1 centroids, so that zero plus the centroids fit N-bit indices and the
 * sparsity survives. Int8 centroids are rounded half away from zero (one that rounds to 0 adds zeros); float32
 * centroids are float32. Records {@code tinyforge.clustering} metadata like the ordinary pass.
 */
public final class ZeroKeepingClusterer {

    /** One clustered tensor: index, name, elements, zeros before and after, distinct values after (largest group). */
    public record Report(int tensor, String name, long elements, long zerosBefore, long zerosAfter, int distinct) {
    }

    /** The clustered graph and a report per tensor. */
    public record Result(Graph graph, List<Report> tensors) {
    }

    private ZeroKeepingClusterer() {
    }

    /** Clusters the non-zero weights of every int8/float32 CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED filter. */
    public static Result cluster(Graph g, ClusterOptions o) {
        List<Tensor> tensors = new ArrayList<>(g.tensors());
        List<Report> reports = new ArrayList<>();
        List<ClusteringMetadata.Entry> entries = new ArrayList<>();
        for (WeightTensor w : WeightTensor.of(g)) {
            Tensor t = g.tensor(w.tensor());
            double[] v = CodebookLayout.values(t);
            int[] dims = t.shape().dims();
            int groups = o.perChannel() ? WeightTensor.channels(t, w.axis()) : 1;
            double[] q = new double[v.length];
            int distinct = 0;
            for (int gi = 0; gi < groups; gi++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < v.length; i++) {
                    if (v[i] != 0 && (!o.perChannel() || WeightTensor.channelOf(dims, w.axis(), i) == gi)) {
                        members.add(i);
                    }
                }
                if (members.isEmpty()) {
                    continue;
                }
                double[] gv = new double[members.size()];
                for (int j = 0; j < gv.length; j++) {
                    gv[j] = v[members.get(j)];
                }
                KMeans1D.Result r = KMeans1D.fit(gv, o.k() - 1, o.init(), o.seed() * 0x9E3779B97F4A7C15L + gi,
                        o.maxIterations());
                double[] c = representable(r.centroids(), t.dtype());
                java.util.TreeSet<Double> used = new java.util.TreeSet<>();
                used.add(0.0);
                for (int j = 0; j < gv.length; j++) {
                    double y = c[nearest(c, gv[j])];
                    q[members.get(j)] = y;
                    used.add(y);
                }
                distinct = Math.max(distinct, used.size());
            }
            tensors.set(t.index(), new Tensor(t.index(), t.name(), t.shape(), t.dtype(), t.quant(),
                    CodebookLayout.bytes(q, t.dtype()), t.variable()));
            reports.add(new Report(t.index(), t.name(), v.length, zeros(v), zeros(q), distinct));
            entries.add(new ClusteringMetadata.Entry(t.index(), t.name(), o.bits(), o.perChannel(), w.axis()));
        }
        Map<String, byte[]> meta = new LinkedHashMap<>(g.metadata());
        meta.put(ClusteringMetadata.NAME, ClusteringMetadata.toJson(entries));
        return new Result(new Graph(g.name(), tensors, g.operators(), g.inputs(), g.outputs(), g.sha256(), meta),
                reports);
    }

    /** Index of the centroid nearest to x (the lower one on a tie). */
    private static int nearest(double[] c, double x) {
        int best = 0;
        for (int i = 1; i < c.length; i++) {
            if (Math.abs(c[i] - x) < Math.abs(c[best] - x)) {
                best = i;
            }
        }
        return best;
    }

    private static double[] representable(double[] c, DType dt) {
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            double x = c[i];
            r[i] = dt == DType.INT8 ? Math.max(-128, Math.min(127, Math.signum(x) * Math.floor(Math.abs(x) + 0.5)))
                    : (double) (float) x;
        }
        Arrays.sort(r);
        return r;
    }

    private static long zeros(double[] v) {
        long n = 0;
        for (double x : v) {
            n += x == 0 ? 1 : 0;
        }
        return n;
    }
}
