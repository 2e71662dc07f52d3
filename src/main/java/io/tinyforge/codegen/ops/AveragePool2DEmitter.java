package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.AveragePool2DParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** AVERAGE_POOL_2D int8 as a {@code tfg_avgpool_s8} call (template {@code avgpool}). */
public final class AveragePool2DEmitter implements OpEmitter<AveragePool2DParams> {

    @Override
    public OpCall emit(AveragePool2DParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        PoolArgs.put(a, p.geometry(), p.actMin(), p.actMax());
        return new OpCall("avgpool", a, List.of("basic/tfg_avgpool_s8.c"));
    }
}
