package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.refimpl.ops.LstmGateParams;
import io.tinyforge.refimpl.ops.UnidirectionalSequenceLstmParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM as a call of {@code tfg_lstm_s8} (template {@code lstm}); hidden and cell state
 * live in the arena; the four gates' weights and their effective biases (zero points folded in) in flash.
 */
public final class UnidirectionalSequenceLstmEmitter implements OpEmitter<UnidirectionalSequenceLstmParams> {

    @Override
    public OpCall emit(UnidirectionalSequenceLstmParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("timeMajor", p.timeMajor() ? "1" : "0");
        a.put("batches", str(p.batches()));
        a.put("timeSteps", str(p.timeSteps()));
        a.put("inputSize", str(p.inputSize()));
        a.put("stateSize", str(p.stateSize()));
        a.put("forgetGate", gate(p.forget(), ctx));
        a.put("inputGate", gate(p.inputGate(), ctx));
        a.put("cellGate", gate(p.cell(), ctx));
        a.put("outputGate", gate(p.outputGate(), ctx));
        a.put("forgetMul", quant(p.forgetMul()));
        a.put("inputMul", quant(p.inputMul()));
        a.put("outputMul", quant(p.outputMul()));
        a.put("hiddenZeroPoint", str(p.hiddenZeroPoint()));
        a.put("cellClip", str(p.cellClip()));
        a.put("cellTanhMultiplier", str(p.cellTanhMultiplier()));
        a.put("cellTanhShift", str(p.cellTanhShift()));
        a.put("input", ctx.tensor(p.input()));
        a.put("hiddenState", ctx.tensor(p.hiddenState()));
        a.put("cellState", ctx.tensor(p.cellState()));
        a.put("output", ctx.tensor(p.output()));
        a.put("scratch", ctx.scratch());
        return new OpCall("lstm", a, List.of("recurrent/tfg_lstm_s8.c"));
    }

    private static Map<String, String> gate(LstmGateParams g, EmitContext ctx) {
        return Map.of("inputWeights", ctx.tensor(g.inputWeights()),
                "recurrentWeights", ctx.tensor(g.recurrentWeights()),
                "inputBias", ctx.constInt32("lstm_in_bias", g.inputEffectiveBias()),
                "recurrentBias", ctx.constInt32("lstm_rec_bias", g.recurrentEffectiveBias()),
                "inputQuant", quant(g.inputScale()),
                "recurrentQuant", quant(g.recurrentScale()));
    }

    /** A {@code tfg_quant} initializer. */
    private static String quant(QuantizedMultiplier q) {
        return "{" + q.multiplier() + ", " + q.shift() + "}";
    }

    private static String str(int v) {
        return Integer.toString(v);
    }
}
