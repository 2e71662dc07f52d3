package io.tinyforge.codegen;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which runtime sources carry the model's work: each operator's estimated work (its MACs, or its output
 * elements for operators without MACs) is credited to every kernel source its call needs; a source is
 * <em>hot</em> when it gets at least {@link #HOT_SHARE} of the total. Firmware builds compile hot sources for
 * speed ({@code -O2}) and everything else (model.c, softmax, the odd small layer) for size ({@code -Os}):
 * those run once per inference on few elements, so their speed hardly shows while their size does.
 */
public final class HotKernels {

    /** The share of the estimated work from which a source counts as hot. */
    public static final double HOT_SHARE = 0.01;

    /**
     * Sources that only drive other kernels (per output row or block) and never count as hot: the in-place
     * depthwise wrapper calls the depthwise kernel once per output row; at -Os it is 94 B smaller and, with
     * fewer instructions spilling around that call, even runs a little faster (KWS, M4).
     */
    static final Set<String> DRIVERS = Set.of("tfg_depthwise_conv2d_inplace_s8.c");

    private final Map<String, Long> work = new TreeMap<>();
    private long total;

    /** Credits one operator's call. */
    public void add(OpParams params, Graph g, List<String> kernelSources) {
        long w = work(params, g);
        total += w;
        for (String src : kernelSources) {
            work.merge(Path.of(src).getFileName().toString(), w, Long::sum);
        }
    }

    /** Estimated work of one operator: MACs, else output elements (at least 1). */
    static long work(OpParams params, Graph g) {
        if (params instanceof HasMacs h && h.macs() > 0) {
            return h.macs();
        }
        Operator op = params.op();
        long elements = 0;
        for (int o : op.outputs()) {
            if (o >= 0) {
                elements += g.tensor(o).shape().elements();
            }
        }
        return Math.max(1, elements);
    }

    /** The hot source file names (flat, e.g. {@code tfg_conv2d_dsp_s8.c}), sorted. */
    public List<String> hot() {
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<String, Long> e : work.entrySet()) {
            if (total > 0 && e.getValue() >= HOT_SHARE * total && !DRIVERS.contains(e.getKey())) {
                out.add(e.getKey());
            }
        }
        return List.copyOf(out);
    }
}
