package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.MaxPool2DParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MAX_POOL_2D int8 as a {@code tfg_maxpool_s8} call (template {@code maxpool}). */
public final class MaxPool2DEmitter implements OpEmitter<MaxPool2DParams> {

    @Override
    public OpCall emit(MaxPool2DParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        PoolArgs.put(a, p.geometry(), p.actMin(), p.actMax());
        return new OpCall("maxpool", a, List.of("basic/tfg_maxpool_s8.c"));
    }
}
