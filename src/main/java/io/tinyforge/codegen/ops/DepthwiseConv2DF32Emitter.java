package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.DepthwiseConv2DF32Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * float32 DEPTHWISE_CONV_2D as {@code tfg_depthwise_conv2d_f32} (or {@code _f16w_f32} for half weights,
 * {@code _cb_f32} for codebook weights of clustered models, see {@link FloatCodebookWeights}).
 */
public final class DepthwiseConv2DF32Emitter implements OpEmitter<DepthwiseConv2DF32Params> {

    @Override
    public OpCall emit(DepthwiseConv2DF32Params p, EmitContext ctx) {
        FloatCodebookWeights cb = p.halfWeights() ? null : FloatCodebookWeights.choose(ctx, p.op());
        String fn = p.halfWeights() ? "tfg_depthwise_conv2d_f16w_f32"
                : cb != null ? "tfg_depthwise_conv2d_cb_f32" : "tfg_depthwise_conv2d_f32";
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("fn", fn);
        a.put("input", ctx.tensor(p.input()));
        a.put("filter", cb != null ? cb.filter() : ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        a.put("depth_multiplier", p.depthMultiplier());
        CFloat.conv(a, p.shape());
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        return new OpCall("depthwise_conv_2d_f32", a, List.of("conv/" + fn + ".c"));
    }
}
