package io.tinyforge.cluster;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clustering pass (Deep Compression style weight sharing): every int8 or float32 weight tensor of CONV_2D,
 * DEPTHWISE_CONV_2D and FULLY_CONNECTED gets at most 2^N distinct values, per tensor or per output channel, by
 * one-dimensional k-means. Int8 centroids are rounded to int8 values, so the integer kernels stay bit-exact
 * with the Java reference (the weights are simply different int8 values); float centroids are float32.
 * Returns a new graph whose {@code tinyforge.clustering} metadata records the bits of each tensor.
 */
public final class WeightClusterer {

    private WeightClusterer() {
    }

    /** Clusters the weights of {@code g}. */
    public static ClusterResult cluster(Graph g, ClusterOptions o) {
        List<Tensor> tensors = new ArrayList<>(g.tensors());
        List<TensorClusterReport> reports = new ArrayList<>();
        List<ClusteringMetadata.Entry> entries = new ArrayList<>();
        for (WeightTensor w : WeightTensor.of(g)) {
            Tensor t = g.tensor(w.tensor());
            double[] v = CodebookLayout.values(t);
            int[] dims = t.shape().dims();
            int groups = o.perChannel() ? WeightTensor.channels(t, w.axis()) : 1;
            double[] q = new double[v.length];
            int iterations = 0;
            for (int gi = 0; gi < groups; gi++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < v.length; i++) {
                    if (!o.perChannel() || WeightTensor.channelOf(dims, w.axis(), i) == gi) {
                        members.add(i);
                    }
                }
                double[] gv = new double[members.size()];
                for (int j = 0; j < gv.length; j++) {
                    gv[j] = v[members.get(j)];
                }
                // one seed per group, derived from the user's seed, so channels do not share random draws
                KMeans1D.Result r = KMeans1D.fit(gv, o.k(), o.init(), o.seed() * 0x9E3779B97F4A7C15L + gi,
                        o.maxIterations());
                iterations = Math.max(iterations, r.iterations());
                double[] c = representable(r.centroids(), t.dtype());
                for (int j = 0; j < gv.length; j++) {
                    q[members.get(j)] = c[KMeans1D.nearest(c, gv[j])];
                }
            }
            Tensor nt = new Tensor(t.index(), t.name(), t.shape(), t.dtype(), t.quant(), CodebookLayout.bytes(q, t.dtype()),
                    t.variable());
            tensors.set(t.index(), nt);
            CodebookLayout layout = CodebookLayout.build(nt, w.axis(), o.perChannel());
            reports.add(new TensorClusterReport(t.index(), t.name(), w.op(), w.opType(), t.dtype(), v.length,
                    groups, o.bits(), layout.stride(), nt.data().length, layout.bytes(), mse(v, q),
                    sqnrDb(v, q, t, dims), iterations));
            entries.add(new ClusteringMetadata.Entry(t.index(), t.name(), o.bits(), o.perChannel(), w.axis()));
        }
        Map<String, byte[]> meta = new LinkedHashMap<>(g.metadata());
        meta.put(ClusteringMetadata.NAME, ClusteringMetadata.toJson(entries));
        Graph out = new Graph(g.name(), tensors, g.operators(), g.inputs(), g.outputs(), g.sha256(), meta);
        return new ClusterResult(out, reports);
    }

    /** Centroids the tensor can store: int8 rounds half away from zero and clamps; sorted and distinct. */
    private static double[] representable(double[] c, DType dt) {
        double[] r = new double[c.length];
        int n = 0;
        for (double x : c) {
            double y = dt == DType.INT8 ? Math.max(-128, Math.min(127, Math.signum(x) * Math.floor(Math.abs(x) + 0.5)))
                    : (double) (float) x;
            if (n == 0 || r[n - 1] != y) {
                r[n++] = y;
            }
        }
        return java.util.Arrays.copyOf(r, n);
    }

    private static double mse(double[] v, double[] q) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += (v[i] - q[i]) * (v[i] - q[i]);
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    /** SQNR of the real weights: int8 values are dequantized with their (per-channel) scale and zero point. */
    private static double sqnrDb(double[] v, double[] q, Tensor t, int[] dims) {
        QuantParams qp = t.dtype() == DType.INT8 ? t.quant() : null;
        long[] zps = qp == null ? new long[] {0} : qp.zeroPoints();
        double sig = 0;
        double err = 0;
        for (int i = 0; i < v.length; i++) {
            double scale = 1;
            double zp = 0;
            if (qp != null) {
                int ch = qp.perChannel() ? WeightTensor.channelOf(dims, qp.axis(), i) : 0;
                scale = qp.scale(ch);
                zp = zps[Math.min(ch, zps.length - 1)];
            }
            double real = (v[i] - zp) * scale;
            double e = (v[i] - q[i]) * scale;
            sig += real * real;
            err += e * e;
        }
        return err == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(sig / err);
    }
}
