package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.MulParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MUL int8 as a {@code tfg_mul_s8} call (template {@code mul}); broadcast strides become const arrays. */
public final class MulEmitter implements OpEmitter<MulParams> {

    @Override
    public OpCall emit(MulParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input1", ctx.tensor(p.input1()));
        a.put("input2", ctx.tensor(p.input2()));
        a.put("output", ctx.tensor(p.output()));
        BroadcastArgs.put(a, p.plan(), ctx, "op" + p.op().index() + "_mul");
        a.put("input1Offset", p.input1Offset());
        a.put("input2Offset", p.input2Offset());
        a.put("outputOffset", p.outputOffset());
        a.put("outputMultiplier", p.outputMultiplier());
        a.put("outputShift", p.outputShift());
        a.put("actMin", p.actMin());
        a.put("actMax", p.actMax());
        return new OpCall("mul", a, List.of("basic/tfg_mul_s8.c"));
    }
}
