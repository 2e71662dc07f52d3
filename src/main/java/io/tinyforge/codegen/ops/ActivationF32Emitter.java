package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.ActivationF32Params;
import java.util.List;
import java.util.Map;

/** float32 RELU / RELU6 ({@code tfg_relu_f32} with a clamp range), LOGISTIC and TANH. */
public final class ActivationF32Emitter implements OpEmitter<ActivationF32Params> {

    @Override
    public OpCall emit(ActivationF32Params p, EmitContext ctx) {
        String fn;
        String extra = "";
        String file;
        switch (p.function()) {
            case RELU -> {
                fn = "tfg_relu_f32";
                extra = ", " + CFloat.activation(0f, Float.POSITIVE_INFINITY);
                file = "basic/tfg_relu_f32.c";
            }
            case RELU6 -> {
                fn = "tfg_relu_f32";
                extra = ", " + CFloat.activation(0f, 6f);
                file = "basic/tfg_relu_f32.c";
            }
            case LOGISTIC -> {
                fn = "tfg_logistic_f32";
                file = "activation/tfg_logistic_f32.c";
            }
            case TANH -> {
                fn = "tfg_tanh_f32";
                file = "activation/tfg_tanh_f32.c";
            }
            default -> throw new IllegalArgumentException(p.function().name());
        }
        return new OpCall("activation_f32", Map.of("fn", fn, "input", ctx.tensor(p.input()),
                "output", ctx.tensor(p.output()), "n", p.elements(), "extra", extra), List.of(file));
    }
}
