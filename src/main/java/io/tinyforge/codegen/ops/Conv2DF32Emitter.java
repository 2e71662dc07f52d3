package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.Conv2DF32Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * float32 CONV_2D as {@code tfg_conv2d_f32} (or {@code tfg_conv2d_f16w_f32} for half weights,
 * {@code _cb_f32} for codebook weights of clustered models, see {@link FloatCodebookWeights}).
 */
public final class Conv2DF32Emitter implements OpEmitter<Conv2DF32Params> {

    @Override
    public OpCall emit(Conv2DF32Params p, EmitContext ctx) {
        FloatCodebookWeights cb = p.halfWeights() ? null : FloatCodebookWeights.choose(ctx, p.op());
        String fn = p.halfWeights() ? "tfg_conv2d_f16w_f32" : cb != null ? "tfg_conv2d_cb_f32" : "tfg_conv2d_f32";
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("fn", fn);
        a.put("input", ctx.tensor(p.input()));
        a.put("filter", cb != null ? cb.filter() : ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        CFloat.conv(a, p.shape());
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        return new OpCall("conv_2d_f32", a, List.of("conv/" + fn + ".c"));
    }
}
