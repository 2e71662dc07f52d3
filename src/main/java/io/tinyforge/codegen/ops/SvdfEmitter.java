package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.SvdfParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SVDF as a call of {@code tfg_svdf_s8}, or {@code tfg_svdf_s8_s16} for int16 weights_time and state
 * (template {@code svdf}); the state tensor lives in the arena.
 */
public final class SvdfEmitter implements OpEmitter<SvdfParams> {

    @Override
    public OpCall emit(SvdfParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("batches", str(p.batches()));
        a.put("inputSize", str(p.inputSize()));
        a.put("numFilters", str(p.numFilters()));
        a.put("rank", str(p.rank()));
        a.put("memorySize", str(p.memorySize()));
        a.put("inputZeroPoint", str(p.inputZeroPoint()));
        a.put("stateZeroPoint", str(p.stateZeroPoint()));
        a.put("outputZeroPoint", str(p.outputZeroPoint()));
        a.put("featureMultiplier", str(p.featureScale().multiplier()));
        a.put("featureShift", str(p.featureScale().shift()));
        a.put("timeMultiplier", str(p.timeScale().multiplier()));
        a.put("timeShift", str(p.timeScale().shift()));
        a.put("input", ctx.tensor(p.input()));
        a.put("weightsFeature", ctx.tensor(p.weightsFeature()));
        a.put("weightsTime", ctx.tensor(p.weightsTime()));
        a.put("bias", ctx.tensor(p.bias()));
        a.put("state", ctx.tensor(p.state()));
        a.put("output", ctx.tensor(p.output()));
        a.put("scratch", ctx.scratch());
        String function = p.int16State() ? "tfg_svdf_s8_s16" : "tfg_svdf_s8";
        a.put("function", function);
        return new OpCall("svdf", a, List.of("recurrent/" + function + ".c"));
    }

    private static String str(int v) {
        return Integer.toString(v);
    }
}
