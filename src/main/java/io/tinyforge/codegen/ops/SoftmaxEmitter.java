package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.ir.DType;
import io.tinyforge.refimpl.ops.SoftmaxParams;
import java.util.List;
import java.util.Map;

/** SOFTMAX as one call of {@code tfg_softmax_s8} or {@code tfg_softmax_s8_s16} (template {@code softmax}). */
public final class SoftmaxEmitter implements OpEmitter<SoftmaxParams> {

    @Override
    public OpCall emit(SoftmaxParams p, EmitContext ctx) {
        String fn = p.outputType() == DType.INT16 ? "tfg_softmax_s8_s16" : "tfg_softmax_s8";
        return new OpCall("softmax", Map.of(
                "fn", fn,
                "input", ctx.tensor(p.input()),
                "output", ctx.tensor(p.output()),
                "rows", p.rows(),
                "depth", p.depth(),
                "multiplier", p.inputMultiplier(),
                "shift", p.inputLeftShift(),
                "diffMin", p.diffMin()), List.of("activation/" + fn + ".c"));
    }
}
