package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.DequantizeF16Params;
import java.util.List;
import java.util.Map;

/** DEQUANTIZE float16 → float32 as {@code tfg_dequantize_f16_f32}. */
public final class DequantizeF16Emitter implements OpEmitter<DequantizeF16Params> {

    @Override
    public OpCall emit(DequantizeF16Params p, EmitContext ctx) {
        return new OpCall("dequantize_f16", Map.of("input", ctx.tensor(p.input()), "output",
                ctx.tensor(p.output()), "n", p.elements()), List.of("basic/tfg_dequantize_f16_f32.c"));
    }
}
