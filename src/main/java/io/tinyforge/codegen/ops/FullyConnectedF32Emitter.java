package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.FullyConnectedF32Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * float32 FULLY_CONNECTED as {@code tfg_fully_connected_f32} (or {@code _f16w_f32} for half weights,
 * {@code _cb_f32} for codebook weights of clustered models, see {@link FloatCodebookWeights}).
 */
public final class FullyConnectedF32Emitter implements OpEmitter<FullyConnectedF32Params> {

    @Override
    public OpCall emit(FullyConnectedF32Params p, EmitContext ctx) {
        FloatCodebookWeights cb = p.halfWeights() ? null : FloatCodebookWeights.choose(ctx, p.op());
        String fn = p.halfWeights() ? "tfg_fully_connected_f16w_f32"
                : cb != null ? "tfg_fully_connected_cb_f32" : "tfg_fully_connected_f32";
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("fn", fn);
        a.put("input", ctx.tensor(p.input()));
        a.put("filter", cb != null ? cb.filter() : ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        a.put("batches", p.batches());
        a.put("accum_depth", p.accumDepth());
        a.put("out_depth", p.outDepth());
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        return new OpCall("fully_connected_f32", a, List.of("conv/" + fn + ".c"));
    }
}
