package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.ConcatenationParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CONCATENATION int8 as a {@code tfg_concat_s8} call (template {@code concat}) over a local pointer array. */
public final class ConcatenationEmitter implements OpEmitter<ConcatenationParams> {

    @Override
    public OpCall emit(ConcatenationParams p, EmitContext ctx) {
        List<String> inputs = new ArrayList<>();
        for (int t : p.inputs()) {
            inputs.add(ctx.tensor(t));
        }
        Map<String, Object> a = new HashMap<>();
        a.put("inputs", inputs);
        a.put("count", inputs.size());
        a.put("copySizes", ctx.constInt32("op" + p.op().index() + "_concat_sizes", p.copySizes()));
        a.put("outer", p.outerSize());
        a.put("output", ctx.tensor(p.output()));
        return new OpCall("concat", a, List.of("basic/tfg_concat_s8.c"));
    }
}
