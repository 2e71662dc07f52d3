package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.Optimize;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A DEPTHWISE_CONV_2D of one input channel with depth multiplier m is the CONV_2D with m output channels whose
 * filter row o holds the taps of output channel o (same per-channel requantization, same skipped padding taps,
 * same bytes out): emitted as one {@code tfg_conv2d_gemm_s8} call on the transposed filter packed by
 * {@link GemmWeights} (template {@code conv_2d_gemm}, arena scratch from
 * {@link DepthwiseConv2DParams#scratchBytes()}). The generic depthwise kernel would otherwise run it tap by tap.
 */
public final class DepthwiseAsConv {

    private DepthwiseAsConv() {
    }

    /** The GEMM convolution call for p, or null where it does not apply (the caller keeps the depthwise kernels). */
    public static OpCall emit(DepthwiseConv2DParams p, EmitContext ctx) {
        Graph g = ctx.graph();
        if (g == null || p.inC() != 1 || p.depthMultiplier() < 2 || p.outC() != p.depthMultiplier()
                || Optimize.current() != Optimize.SPEED || p.rounding() != Rounding.DOUBLE || p.scratchBytes() == 0) {
            return null;
        }
        Tensor f = g.tensor(p.filter());
        int taps = p.filterH() * p.filterW();
        int rows = p.outC();
        if (f.dtype() != DType.INT8 || f.data() == null || f.data().length != (long) taps * rows) {
            return null;
        }
        int[] bias = new int[rows];
        if (p.bias() >= 0) {
            Tensor b = g.tensor(p.bias());
            if (b.dtype() != DType.INT32 || b.data() == null || b.data().length != 4L * rows) {
                return null;
            }
            java.nio.ByteBuffer.wrap(b.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(bias);
        }
        // depthwise filter [1][kh][kw][m] -> convolution rows [m][kh * kw]
        byte[] w = new byte[taps * rows];
        for (int o = 0; o < rows; o++) {
            for (int t = 0; t < taps; t++) {
                w[o * taps + t] = f.data()[t * rows + o];
            }
        }
        GemmWeights gw = GemmWeights.pack(w, bias, rows, taps, p.multipliers(), p.shifts(), p.inputOffset(),
                p.outputOffset(), false);
        if (gw == null) {
            return null;
        }
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("input_dims", List.of(p.batches(), p.inH(), p.inW(), p.inC()));
        a.put("filter_dims", List.of(rows, p.filterH(), p.filterW(), 1));
        a.put("output_dims", List.of(p.batches(), p.outH(), p.outW(), p.outC()));
        a.put("stride_h", p.strideH());
        a.put("stride_w", p.strideW());
        a.put("dilation_h", p.dilationH());
        a.put("dilation_w", p.dilationW());
        a.put("pad_h", p.padH());
        a.put("pad_w", p.padW());
        a.put("input_offset", p.inputOffset());
        a.put("act_min", p.actMin());
        a.put("act_max", p.actMax());
        a.put("scratch", ctx.scratch());
        a.put("filter", gw.filter(ctx, "t" + p.filter() + "_gemm"));
        a.put("channels", gw.channels(ctx, "conv_gemm"));
        a.put("zp_after", gw.zeroPointAfter());
        a.put("c31", gw.allC31() ? 1 : 0);
        return new OpCall("conv_2d_gemm", a, List.of("conv/tfg_conv2d_gemm_s8.c", "conv/tfg_conv2d_gemm_block_s8.c"));
    }
}
