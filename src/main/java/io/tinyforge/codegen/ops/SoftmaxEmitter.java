package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.ir.DType;
import io.tinyforge.refimpl.ops.SoftmaxParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SOFTMAX as one call of {@code tfg_softmax_s8}, {@code tfg_softmax_s8_s16} or {@code tfg_softmax_s16} (template
 * {@code softmax}); the int16 tables become const arrays.
 */
public final class SoftmaxEmitter implements OpEmitter<SoftmaxParams> {

    @Override
    public OpCall emit(SoftmaxParams p, EmitContext ctx) {
        boolean int16Input = p.inputType() == DType.INT16;
        String fn = int16Input ? "tfg_softmax_s16"
                : p.outputType() == DType.INT16 ? "tfg_softmax_s8_s16" : "tfg_softmax_s8";
        Map<String, Object> args = new HashMap<>();
        args.put("fn", fn);
        args.put("int16Input", int16Input);
        args.put("input", ctx.tensor(p.input()));
        args.put("output", ctx.tensor(p.output()));
        args.put("rows", p.rows());
        args.put("depth", p.depth());
        args.put("multiplier", p.inputMultiplier());
        args.put("shift", p.inputLeftShift());
        args.put("diffMin", p.diffMin());
        if (int16Input) {
            args.put("expLut", ctx.constInt16("softmax_exp_lut", p.luts().exp()));
            args.put("recipLut", ctx.constInt16("softmax_recip_lut", p.luts().oneOverOnePlusX()));
        }
        return new OpCall("softmax", args, List.of("activation/" + fn + ".c"));
    }
}
