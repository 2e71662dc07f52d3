package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.PadParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** PAD int8 as a {@code tfg_pad_s8} call (template {@code pad}) with 5-D shape arrays. */
public final class PadEmitter implements OpEmitter<PadParams> {

    @Override
    public OpCall emit(PadParams p, EmitContext ctx) {
        String hint = "op" + p.op().index() + "_pad";
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("inDims", ctx.constInt32(hint + "_in_dims", p.inDims()));
        a.put("outDims", ctx.constInt32(hint + "_out_dims", p.outDims()));
        a.put("before", ctx.constInt32(hint + "_before", p.before()));
        a.put("padValue", p.padValue());
        return new OpCall("pad", a, List.of("basic/tfg_pad_s8.c"));
    }
}
