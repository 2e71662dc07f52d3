package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DEPTHWISE_CONV_2D as one {@code tfg_depthwise_conv2d_dsp_s8} (depth multiplier 1, filter re-ordered by {@link DepthwisePacking}) or {@code tfg_depthwise_conv2d_s8} call (template {@code depthwise_conv_2d}). */
public final class DepthwiseConv2DEmitter implements OpEmitter<DepthwiseConv2DParams> {

    @Override
    public OpCall emit(DepthwiseConv2DParams p, EmitContext ctx) {
        if (!io.tinyforge.cluster.CodebookPolicy.usesCodebook(ctx.graph(), p.op())) {
            OpCall conv = DepthwiseAsConv.emit(p, ctx);
            if (conv != null) {
                return conv;
            }
        }
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("input", ctx.tensor(p.input()));
        CodebookWeights cb = CodebookWeights.choose(ctx, p.op());
        a.put("filter", cb == null ? ctx.tensor(p.filter()) : cb.filter());
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        a.put("input_dims", List.of(p.batches(), p.inH(), p.inW(), p.inC()));
        a.put("filter_dims", List.of(1, p.filterH(), p.filterW(), p.outC()));
        a.put("output_dims", List.of(p.batches(), p.outH(), p.outW(), p.outC()));
        a.put("depth_multiplier", p.depthMultiplier());
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
        if (cb != null) {
            return cb.call("depthwise_conv_2d", a, "conv/tfg_depthwise_conv2d_cb_s8.c");
        }
        if (p.depthMultiplier() == 1) {
            String[] packed = DepthwisePacking.register(p, ctx);
            a.put("packed", packed == null ? "NULL" : packed[0]);
            a.put("requant", packed == null ? "NULL" : packed[1]);
            return new OpCall("depthwise_conv_2d", a,
                    List.of("conv/tfg_depthwise_conv2d_s8.c", "conv/tfg_depthwise_conv2d_dsp_s8.c"));
        }
        return new OpCall("depthwise_conv_2d", a, List.of("conv/tfg_depthwise_conv2d_s8.c"));
    }
}
