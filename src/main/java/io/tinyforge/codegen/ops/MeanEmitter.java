package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.MeanParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MEAN int8 as a {@code tfg_mean_s8} call (template {@code mean}) with kept/reduced dims and strides arrays. */
public final class MeanEmitter implements OpEmitter<MeanParams> {

    @Override
    public OpCall emit(MeanParams p, EmitContext ctx) {
        String hint = "op" + p.op().index() + "_mean";
        Map<String, Object> a = new HashMap<>();
        a.put("input", ctx.tensor(p.input()));
        a.put("output", ctx.tensor(p.output()));
        a.put("keptDims", ctx.constInt32(hint + "_kept_dims", p.keptDims()));
        a.put("keptStrides", ctx.constInt32(hint + "_kept_strides", p.keptStrides()));
        a.put("keptRank", p.keptDims().length);
        a.put("reducedDims", ctx.constInt32(hint + "_reduced_dims", p.reducedDims()));
        a.put("reducedStrides", ctx.constInt32(hint + "_reduced_strides", p.reducedStrides()));
        a.put("reducedRank", p.reducedDims().length);
        a.put("count", p.count());
        a.put("inputZeroPoint", p.inputZeroPoint());
        a.put("outputZeroPoint", p.outputZeroPoint());
        a.put("multiplier", p.multiplier());
        a.put("shift", p.shift());
        return new OpCall("mean", a, List.of("basic/tfg_mean_s8.c"));
    }
}
