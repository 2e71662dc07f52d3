package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.Conv2DHybridParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dynamic-range CONV_2D as {@code tfg_conv2d_hybrid_s8} with its scratch buffer. */
public final class Conv2DHybridEmitter implements OpEmitter<Conv2DHybridParams> {

    @Override
    public OpCall emit(Conv2DHybridParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("input", ctx.tensor(p.input()));
        a.put("filter", ctx.tensor(p.filter()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        CFloat.conv(a, p.shape());
        a.put("scales", ctx.constFloat("conv_wscale", p.perChannel() ? p.weightScales()
                : new float[] {p.weightScales()[0]}));
        a.put("per_channel", p.perChannel() ? 1 : 0);
        a.put("act", CFloat.activation(p.actMin(), p.actMax()));
        a.put("scratch", ctx.scratch());
        return new OpCall("conv_2d_hybrid", a,
                List.of("conv/tfg_conv2d_hybrid_s8.c", "basic/tfg_hybrid_quantize_s8.c",
                        "basic/tfg_hybrid_quantize_asym_s8.c"));
    }
}
