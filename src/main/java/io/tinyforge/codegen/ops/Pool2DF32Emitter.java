package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.PoolGeometry;
import io.tinyforge.refimpl.ops.Pool2DF32Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** float32 AVERAGE_POOL_2D / MAX_POOL_2D as {@code tfg_avgpool_f32} / {@code tfg_maxpool_f32}. */
public final class Pool2DF32Emitter implements OpEmitter<Pool2DF32Params> {

    @Override
    public OpCall emit(Pool2DF32Params p, EmitContext ctx) {
        String fn = p.max() ? "tfg_maxpool_f32" : "tfg_avgpool_f32";
        PoolGeometry q = p.geometry();
        Map<String, Object> a = new HashMap<>();
        a.put("fn", fn);
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("sizes", List.of(q.batches(), q.inH(), q.inW(), q.channels(), q.outH(), q.outW(), q.filterH(),
                q.filterW(), q.strideH(), q.strideW(), q.padH(), q.padW()));
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        return new OpCall("pool_f32", a, List.of("basic/" + fn + ".c"));
    }
}
