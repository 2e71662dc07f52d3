package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.DequantizeParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DEQUANTIZE as a {@code tfg_dequantize_<from>_f32} call (template {@code dequantize}). */
public final class DequantizeEmitter implements OpEmitter<DequantizeParams> {

    @Override
    public OpCall emit(DequantizeParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("size", p.size());
        a.put("from", QuantizeEmitter.suffix(p.from()));
        a.put("scaleHex", Float.toHexString(p.scale()));
        a.put("zeroPoint", p.zeroPoint());
        return new OpCall("dequantize", a, List.of("basic/tfg_dequantize_" + QuantizeEmitter.suffix(p.from()) + "_f32.c"));
    }
}
