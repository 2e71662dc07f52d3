package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.SoftmaxF32Params;
import java.util.List;
import java.util.Map;

/** float32 SOFTMAX as {@code tfg_softmax_f32}. */
public final class SoftmaxF32Emitter implements OpEmitter<SoftmaxF32Params> {

    @Override
    public OpCall emit(SoftmaxF32Params p, EmitContext ctx) {
        return new OpCall("softmax_f32", Map.of("input", ctx.tensor(p.input()), "output", ctx.tensor(p.output()),
                "rows", p.rows(), "depth", p.depth(), "beta", CFloat.literal(p.beta())),
                List.of("activation/tfg_softmax_f32.c"));
    }
}
