package io.tinyforge.quantize;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer error of a quantized model against its float model on a set of inputs: for each operator output
 * that exists in both graphs, RMSE, max abs error and cosine similarity of the dequantized activations;
 * worst (largest RMSE relative to the float range) first. Rendered as a table or JSON.
 */
public final class LayerErrorReport {
    private final List<LayerError> layers;

    private LayerErrorReport(List<LayerError> layers) {
        this.layers = List.copyOf(layers);
    }

    public List<LayerError> layers() {
        return layers;
    }

    public static LayerErrorReport compute(QuantizedModel qm, List<float[][]> inputs) {
        Graph fg = qm.floatGraph();
        Graph qg = qm.quantized();
        FloatRunner f = QuantizedModelRunners.floatRunner(fg);
        FloatRunner q = new QuantizedGraphRunner(qg);
        int n = fg.tensors().size();
        double[] sq = new double[n];
        double[] mx = new double[n];
        double[] dot = new double[n];
        double[] na = new double[n];
        double[] nb = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        long[] cnt = new long[n];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (float[][] in : inputs) {
            float[][] a = f.run(in);
            float[][] b = q.run(in);
            for (Operator op : qg.operators()) {
                int t = op.output(0);
                if (t >= n || a[t] == null || b[t] == null || a[t].length != b[t].length) {
                    continue;
                }
                for (int i = 0; i < a[t].length; i++) {
                    double x = a[t][i];
                    double y = b[t][i];
                    sq[t] += (x - y) * (x - y);
                    mx[t] = Math.max(mx[t], Math.abs(x - y));
                    dot[t] += x * y;
                    na[t] += x * x;
                    nb[t] += y * y;
                    lo[t] = Math.min(lo[t], x);
                    hi[t] = Math.max(hi[t], x);
                }
                cnt[t] += a[t].length;
            }
        }
        List<LayerError> rows = new ArrayList<>();
        for (Operator op : qg.operators()) {
            int t = op.output(0);
            if (t >= n || cnt[t] == 0) {
                continue;
            }
            double cos = na[t] == 0 && nb[t] == 0 ? 1 : dot[t] / Math.sqrt(na[t] * nb[t]);
            rows.add(new LayerError(op.index(), op.type().name(), fg.tensor(t).name(), cnt[t] / inputs.size(),
                    Math.sqrt(sq[t] / cnt[t]), mx[t], cos, hi[t] - lo[t]));
        }
        rows.sort(Comparator.comparingDouble(LayerError::relativeRmse).reversed());
        return new LayerErrorReport(rows);
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-4s %-18s %-40s %10s %11s %11s %9s %9s%n", "op", "type", "tensor",
                "elements", "rmse", "max_abs", "rel_rmse", "cosine"));
        for (LayerError e : layers) {
            String name = e.tensor().length() > 40 ? "..." + e.tensor().substring(e.tensor().length() - 37)
                    : e.tensor();
            sb.append(String.format(Locale.ROOT, "%-4d %-18s %-40s %10d %11.5g %11.5g %8.3f%% %9.6f%n", e.op(),
                    e.opType(), name, e.elements(), e.rmse(), e.maxAbs(), 100 * e.relativeRmse(), e.cosine()));
        }
        return sb.toString();
    }

    public String json() {
        StringBuilder sb = new StringBuilder("{\n  \"layers\": [\n");
        for (int i = 0; i < layers.size(); i++) {
            LayerError e = layers.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"op\": %d, \"type\": \"%s\", \"tensor\": \"%s\", \"elements\": %d,"
                    + " \"rmse\": %s, \"max_abs\": %s, \"relative_rmse\": %s, \"cosine\": %s, \"float_range\": %s}%s%n",
                    e.op(), e.opType(), escape(e.tensor()), e.elements(), num(e.rmse()), num(e.maxAbs()),
                    num(e.relativeRmse()), num(e.cosine()), num(e.floatRange()), i + 1 < layers.size() ? "," : ""));
        }
        return sb.append("  ]\n}\n").toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
