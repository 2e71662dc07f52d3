package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.ReluParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RELU int8 as a {@code tfg_relu_s8} call (template {@code relu}). */
public final class ReluEmitter implements OpEmitter<ReluParams> {

    @Override
    public OpCall emit(ReluParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("size", p.size());
        a.put("inputZeroPoint", p.inputZeroPoint());
        a.put("outputZeroPoint", p.outputZeroPoint());
        a.put("multiplier", p.multiplier());
        a.put("shift", p.shift());
        a.put("actMin", p.actMin());
        a.put("actMax", p.actMax());
        return new OpCall("relu", a, List.of("basic/tfg_relu_s8.c"));
    }
}
