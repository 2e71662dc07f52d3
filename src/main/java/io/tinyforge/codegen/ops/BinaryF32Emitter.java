package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.ops.BinaryF32Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** float32 ADD / MUL as {@code tfg_add_f32} / {@code tfg_mul_f32} with the broadcast walk as const arrays. */
public final class BinaryF32Emitter implements OpEmitter<BinaryF32Params> {

    @Override
    public OpCall emit(BinaryF32Params p, EmitContext ctx) {
        String fn = p.function() == OpType.ADD ? "tfg_add_f32" : "tfg_mul_f32";
        Map<String, Object> a = new HashMap<>();
        a.put("fn", fn);
        a.put("input1", ctx.tensor(p.input1()));
        a.put("input2", ctx.tensor(p.input2()));
        a.put("output", ctx.tensor(p.output()));
        a.put("dims", ctx.constInt32("bin_dims", p.plan().dims()));
        a.put("strides1", ctx.constInt32("bin_s1", p.plan().strides1()));
        a.put("strides2", ctx.constInt32("bin_s2", p.plan().strides2()));
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        return new OpCall("binary_f32", a, List.of("basic/" + fn + ".c"));
    }
}
