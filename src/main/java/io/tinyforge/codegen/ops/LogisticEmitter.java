package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.ir.DType;
import io.tinyforge.refimpl.ops.LogisticParams;
import java.util.List;
import java.util.Map;

/** LOGISTIC as one call of {@code tfg_logistic_s8} or {@code tfg_logistic_lut_s16} (template {@code logistic}). */
public final class LogisticEmitter implements OpEmitter<LogisticParams> {

    @Override
    public OpCall emit(LogisticParams p, EmitContext ctx) {
        boolean int16 = p.dtype() == DType.INT16;
        String fn = int16 ? "tfg_logistic_lut_s16" : "tfg_logistic_s8";
        return new OpCall("logistic", Map.of(
                "fn", fn,
                "int16", int16,
                "input", ctx.tensor(p.input()),
                "output", ctx.tensor(p.output()),
                "size", p.size(),
                "zeroPoint", p.inputZeroPoint(),
                "radius", p.inputRangeRadius(),
                "multiplier", p.inputMultiplier(),
                "shift", p.inputShift()), List.of("activation/" + fn + ".c"));
    }
}
