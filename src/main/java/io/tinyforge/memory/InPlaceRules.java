package io.tinyforge.memory;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.ops.AddParams;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;
import io.tinyforge.refimpl.ops.QuantizeParams;
import io.tinyforge.refimpl.ops.Relu6Params;
import io.tinyforge.refimpl.ops.ReluParams;
import java.util.EnumMap;
import java.util.Map;

/**
 * The catalogue of in-place rules, one per operator type whose output may be written over its dying input:
 * <ul>
 * <li>CONV_2D 1x1 (stride 1, no padding, one group): {@code tfg_conv1x1_inplace_s8}, a block of input pixels
 * (about 256 bytes) of scratch; blocks are visited in the order that never clobbers an unread input pixel.</li>
 * <li>DEPTHWISE_CONV_2D with depth multiplier 1, one batch (any stride, padding, dilation; the output has no more pixels
 * than the input): {@code tfg_depthwise_conv2d_inplace_s8}, a ring of output rows in scratch
 * ({@link #depthwiseRingRows}).</li>
 * <li>RELU, RELU6, QUANTIZE (int8 to int8) and ADD (an input with the output's dtype and size, so not
 * broadcast): their ordinary kernels read element i before writing element i, so the output pointer may equal
 * that input's; no scratch.</li>
 * </ul>
 */
public final class InPlaceRules {
    private static final Map<OpType, InPlaceRule> RULES = new EnumMap<>(OpType.class);

    static {
        RULES.put(OpType.CONV_2D, InPlaceRules::conv1x1);
        RULES.put(OpType.DEPTHWISE_CONV_2D, InPlaceRules::depthwise);
        RULES.put(OpType.RELU, (p, g) -> p instanceof ReluParams r ? elementwise(g, r.input(), r.output()) : null);
        RULES.put(OpType.RELU6, (p, g) -> p instanceof Relu6Params r ? elementwise(g, r.input(), r.output()) : null);
        RULES.put(OpType.QUANTIZE, (p, g) -> p instanceof QuantizeParams q ? elementwise(g, q.input(), q.output())
                : null);
        RULES.put(OpType.ADD, InPlaceRules::add);
    }

    private InPlaceRules() {
    }

    /** The in-place form of {@code params} in {@code graph}, or null when no rule allows it. */
    public static InPlace of(OpParams params, Graph graph) {
        InPlaceRule r = RULES.get(params.op().type());
        if (r == null || io.tinyforge.cluster.CodebookPolicy.usesCodebook(graph, params.op())) {
            return null; // codebook filters (clustered models) have no in-place kernel
        }
        if (io.tinyforge.prune.SparsePolicy.usesSparse(graph, params.op())
                || io.tinyforge.prune.CodedSparsePolicy.usesCoded(graph, params.op())) {
            return null; // nor have sparse filters (pruned models)
        }
        return r.apply(params, graph);
    }

    /** Same dtype and byte size, int8 (the element-wise kernels above are int8 ones). */
    private static InPlace elementwise(Graph g, int in, int out) {
        if (in < 0 || out < 0) {
            return null;
        }
        Tensor ti = g.tensor(in);
        Tensor to = g.tensor(out);
        boolean ok = ti.dtype() == to.dtype() && ti.dtype() == io.tinyforge.ir.DType.INT8 && ti.bytes() == to.bytes();
        return ok ? new InPlace(in, out, 0, null) : null;
    }

    private static InPlace add(OpParams params, Graph g) {
        if (!(params instanceof AddParams a)) {
            return null;
        }
        InPlace first = elementwise(g, a.input1(), a.output());
        return first != null ? first : elementwise(g, a.input2(), a.output());
    }

    private static InPlace conv1x1(OpParams params, Graph g) {
        if (!(params instanceof Conv2DParams p)) {
            return null;
        }
        boolean pointwise = p.filterH() == 1 && p.filterW() == 1 && p.strideH() == 1 && p.strideW() == 1
                && p.padH() == 0 && p.padW() == 0 && p.groups() == 1 && p.filterC() == p.inC()
                && p.outH() == p.inH() && p.outW() == p.inW();
        // scratch for either kernel: a block of int8 pixels, or tfg_conv1x1_gemm_inplace_s8's four widened pixels
        long scratch = Math.max((long) conv1x1BlockPixels(p) * p.inC(), 32L * ((p.inC() + 3) / 4));
        return pointwise ? new InPlace(p.input(), p.output(), scratch, "tfg_conv1x1_inplace_s8") : null;
    }

    /**
     * Pixels per block of the in-place 1x1 convolution: enough that the per-block call costs little next to
     * the block's multiply-accumulates, few enough that the scratch copy stays near 256 bytes.
     */
    public static int conv1x1BlockPixels(Conv2DParams p) {
        long pixels = (long) p.batches() * p.inH() * p.inW();
        return (int) Math.max(1, Math.min(pixels, 256 / Math.max(1, p.inC())));
    }

    private static InPlace depthwise(OpParams params, Graph g) {
        if (!(params instanceof DepthwiseConv2DParams p)) {
            return null;
        }
        boolean ok = p.depthMultiplier() == 1 && p.inC() == p.outC() && p.batches() == 1
                && (long) p.outH() * p.outW() <= (long) p.inH() * p.inW();
        return ok ? new InPlace(p.input(), p.output(), (long) depthwiseRingRows(p) * p.outW() * p.outC(),
                "tfg_depthwise_conv2d_inplace_s8") : null;
    }

    /**
     * Output rows the in-place depthwise kernel keeps in its scratch ring: it computes row oy, then copies rows
     * into place, in order, while a row's bytes end at or before the first input row of output row oy + 1
     * (all of them after the last row); the ring must hold the rows computed but not yet copied. Mirrors
     * {@code tfg_depthwise_conv2d_inplace_s8}.
     */
    public static int depthwiseRingRows(DepthwiseConv2DParams p) {
        long inRow = (long) p.inW() * p.inC();
        long outRow = (long) p.outW() * p.outC();
        int head = 0;
        int most = 1;
        for (int oy = 0; oy < p.outH(); oy++) {
            most = Math.max(most, oy - head + 1);
            long dead = Long.MAX_VALUE;
            if (oy + 1 < p.outH()) {
                dead = Math.max(0, (oy + 1) * p.strideH() - p.padH()) * inRow;
            }
            while (head <= oy && (head + 1) * outRow <= dead) {
                head++;
            }
        }
        return most;
    }
}
