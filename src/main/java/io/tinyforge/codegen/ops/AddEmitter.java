package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.AddParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ADD int8 as a {@code tfg_add_s8} call (template {@code add}); broadcast strides become const arrays. */
public final class AddEmitter implements OpEmitter<AddParams> {

    @Override
    public OpCall emit(AddParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input1", ctx.tensor(p.input1()));
        a.put("input2", ctx.tensor(p.input2()));
        a.put("output", ctx.tensor(p.output()));
        BroadcastArgs.put(a, p.plan(), ctx, "op" + p.op().index() + "_add");
        a.put("input1Offset", p.input1Offset());
        a.put("input1Multiplier", p.input1Multiplier());
        a.put("input1Shift", p.input1Shift());
        a.put("input2Offset", p.input2Offset());
        a.put("input2Multiplier", p.input2Multiplier());
        a.put("input2Shift", p.input2Shift());
        a.put("leftShift", p.leftShift());
        a.put("outputOffset", p.outputOffset());
        a.put("outputMultiplier", p.outputMultiplier());
        a.put("outputShift", p.outputShift());
        a.put("actMin", p.actMin());
        a.put("actMax", p.actMax());
        return new OpCall("add", a, List.of("basic/tfg_add_s8.c"));
    }
}
