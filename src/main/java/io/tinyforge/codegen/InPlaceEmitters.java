package io.tinyforge.codegen;

import io.tinyforge.memory.InPlace;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls for operators the memory plan runs in place ({@link io.tinyforge.memory.InPlaceRules}): the in-place
 * kernel named by the plan, with the shared input/output address and the operator's in-place scratch.
 */
public final class InPlaceEmitters {

    private InPlaceEmitters() {
    }

    /** The call of {@code params} run in place as {@code how}. */
    public static OpCall emit(OpParams params, InPlace how, EmitContext ctx) {
        if (!ctx.tensor(how.input()).equals(ctx.tensor(how.output()))) {
            throw new IllegalStateException("operator " + params.op().index() + " in place but input and output "
                    + "pointers differ");
        }
        switch (how.kernel()) {
            case "tfg_conv1x1_inplace_s8":
                return conv1x1((Conv2DParams) params, ctx);
            case "tfg_depthwise_conv2d_inplace_s8":
                return depthwise((DepthwiseConv2DParams) params, ctx);
            default:
                throw new IllegalStateException("no in-place emitter for " + how.kernel());
        }
    }

    private static OpCall conv1x1(Conv2DParams p, EmitContext ctx) {
        io.tinyforge.codegen.ops.GemmWeights gw = io.tinyforge.codegen.ops.GemmWeights.conv(p, ctx.graph());
        if (gw != null) {
            return conv1x1Gemm(p, gw, ctx);
        }
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("data", ctx.tensor(p.output()));
        a.put("pixels", p.batches() * p.inH() * p.inW());
        a.put("in_c", p.inC());
        a.put("out_c", p.outC());
        a.put("filter", ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("input_offset", p.inputOffset());
        a.put("output_offset", p.outputOffset());
        a.put("multipliers", ctx.constInt32("conv_mult", p.multipliers()));
        a.put("shifts", ctx.constInt32("conv_shift", p.shifts()));
        a.put("act_min", p.actMin());
        a.put("act_max", p.actMax());
        a.put("scratch", ctx.scratch());
        a.put("block_pixels", io.tinyforge.memory.InPlaceRules.conv1x1BlockPixels(p));
        return new OpCall("conv_1x1_inplace", a, List.of("inplace/tfg_conv1x1_inplace_s8.c", "conv/tfg_conv2d_s8.c"));
    }

    /** The in-place 1x1 convolution over GEMM-packed weights (blocks of four pixels). */
    private static OpCall conv1x1Gemm(Conv2DParams p, io.tinyforge.codegen.ops.GemmWeights gw, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("data", ctx.tensor(p.output()));
        a.put("pixels", p.batches() * p.inH() * p.inW());
        a.put("in_c", p.inC());
        a.put("out_c", p.outC());
        a.put("filter", gw.filter(ctx, "t" + p.filter() + "_gemm"));
        a.put("channels", gw.channels(ctx, "conv_gemm"));
        a.put("zp_after", gw.zeroPointAfter());
        a.put("c31", gw.allC31() ? 1 : 0);
        a.put("input_offset", p.inputOffset());
        a.put("act_min", p.actMin());
        a.put("act_max", p.actMax());
        a.put("scratch", ctx.scratch());
        return new OpCall("conv_1x1_gemm_inplace", a,
                List.of("inplace/tfg_conv1x1_gemm_inplace_s8.c", "conv/tfg_conv2d_gemm_block_s8.c"));
    }

    private static OpCall depthwise(DepthwiseConv2DParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("data", ctx.tensor(p.output()));
        a.put("filter", ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("input_dims", List.of(p.batches(), p.inH(), p.inW(), p.inC()));
        a.put("filter_dims", List.of(1, p.filterH(), p.filterW(), p.outC()));
        a.put("output_dims", List.of(p.batches(), p.outH(), p.outW(), p.outC()));
        a.put("stride_h", p.strideH());
        a.put("stride_w", p.strideW());
        a.put("dilation_h", p.dilationH());
        a.put("dilation_w", p.dilationW());
        a.put("pad_h", p.padH());
        a.put("pad_w", p.padW());
        a.put("input_offset", p.inputOffset());
        a.put("output_offset", p.outputOffset());
        a.put("multipliers", ctx.constInt32("dw_mult", p.multipliers()));
        a.put("shifts", ctx.constInt32("dw_shift", p.shifts()));
        a.put("act_min", p.actMin());
        a.put("act_max", p.actMax());
        a.put("scratch", ctx.scratch());
        a.put("ring_rows", io.tinyforge.memory.InPlaceRules.depthwiseRingRows(p));
        String[] packed = io.tinyforge.codegen.ops.DepthwisePacking.register(p, ctx);
        a.put("packed", packed == null ? "NULL" : packed[0]);
        a.put("requant", packed == null ? "NULL" : packed[1]);
        return new OpCall("depthwise_conv_2d_inplace", a, List.of("inplace/tfg_depthwise_conv2d_inplace_s8.c",
                "conv/tfg_depthwise_conv2d_dsp_s8.c", "conv/tfg_depthwise_conv2d_s8.c"));
    }
}
