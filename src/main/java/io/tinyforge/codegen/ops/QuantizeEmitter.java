package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.ir.DType;
import io.tinyforge.refimpl.ops.QuantizeParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * QUANTIZE as {@code tfg_quantize_f32_<to>} (from float32, template {@code quantize}) or
 * {@code tfg_requantize_<from>_<to>} (between integer types, template {@code requantize}).
 */
public final class QuantizeEmitter implements OpEmitter<QuantizeParams> {

    @Override
    public OpCall emit(QuantizeParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("size", p.size());
        a.put("to", suffix(p.to()));
        a.put("outputZeroPoint", p.outputZeroPoint());
        if (p.from() == DType.FLOAT32) {
            // hexadecimal float: the exact float32 value of the scale, as C99 reads it back
            a.put("scaleHex", Float.toHexString(p.outputScale()));
            return new OpCall("quantize", a, List.of("basic/tfg_quantize_f32_" + suffix(p.to()) + ".c"));
        }
        a.put("from", suffix(p.from()));
        a.put("inputZeroPoint", p.inputZeroPoint());
        a.put("multiplier", p.multiplier());
        a.put("shift", p.shift());
        return new OpCall("requantize", a,
                List.of("basic/tfg_requantize_" + suffix(p.from()) + "_" + suffix(p.to()) + ".c"));
    }

    /** The runtime's dtype suffix: s8, s16, s32. */
    static String suffix(DType t) {
        switch (t) {
            case INT8:
                return "s8";
            case INT16:
                return "s16";
            case INT32:
                return "s32";
            default:
                return "f32";
        }
    }
}
