package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/** RELU int8 with requantization from input to output scale, as TFLM's {@code CalculateReluOpData}. */
public final class ReluKernel implements OpKernel<ReluParams> {

    @Override
    public ReluParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 1, 1);
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.INT8);
        BasicChecks.dtype(op, out, "output", DType.INT8);
        BasicChecks.perTensor(op, in, "input");
        BasicChecks.perTensor(op, out, "output");
        BasicChecks.zeroPointInRange(op, in, "input");
        BasicChecks.zeroPointInRange(op, out, "output");
        BasicChecks.sameElements(op, in, out);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) in.quant().scale() / (double) out.quant().scale(),
                ctx.rounding());
        int zpOut = out.quant().zeroPoint();
        // act_min = max(-128, zp_out + roundf(0 / s_out)) = max(-128, zp_out); act_max is +inf, i.e. 127
        int actMin = Math.max(-128, zpOut + FixedPoint.roundHalfAway(0f / out.quant().scale()));
        return new ReluParams(op, op.input(0), op.output(0), BasicChecks.size(op, in), in.quant().zeroPoint(), zpOut,
                m.multiplier(), m.shift(), actMin, 127, ctx.rounding());
    }

    @Override
    public void eval(ReluParams p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] out = store.bytes(p.output());
        for (int i = 0; i < p.size(); i++) {
            int v = p.outputZeroPoint() + FixedPoint.multiplyByQuantizedMultiplier(in[i] - p.inputZeroPoint(),
                    p.multiplier(), p.shift(), p.rounding());
            out[i] = (byte) Math.min(p.actMax(), Math.max(p.actMin(), v));
        }
    }
}
