package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.Relu6Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RELU6 int8 as a {@code tfg_relu6_s8} call (template {@code relu6}). */
public final class Relu6Emitter implements OpEmitter<Relu6Params> {

    @Override
    public OpCall emit(Relu6Params p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("size", p.size());
        a.put("lower", p.lower());
        a.put("upper", p.upper());
        return new OpCall("relu6", a, List.of("basic/tfg_relu6_s8.c"));
    }
}
