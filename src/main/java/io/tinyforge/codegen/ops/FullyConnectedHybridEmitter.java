package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.FullyConnectedHybridParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dynamic-range FULLY_CONNECTED as {@code tfg_fully_connected_hybrid_s8} with its scratch buffer. */
public final class FullyConnectedHybridEmitter implements OpEmitter<FullyConnectedHybridParams> {

    @Override
    public OpCall emit(FullyConnectedHybridParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("input", ctx.tensor(p.input()));
        a.put("filter", ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        a.put("batches", p.batches());
        a.put("accum_depth", p.accumDepth());
        a.put("out_depth", p.outDepth());
        a.put("scales", ctx.constFloat("fc_wscale", p.weightScales()));
        a.put("per_channel", p.perChannel() ? 1 : 0);
        a.put("asymmetric", p.asymmetric() ? 1 : 0);
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        a.put("scratch", ctx.scratch());
        return new OpCall("fully_connected_hybrid", a,
                List.of("conv/tfg_fully_connected_hybrid_s8.c", "basic/tfg_hybrid_quantize_s8.c",
                        "basic/tfg_hybrid_quantize_asym_s8.c"));
    }
}
