package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.GemmlowpTanh;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * TANH int8, bit-exact with TFLM's {@code reference_integer_ops::Tanh}: saturate beyond the input radius,
 * otherwise rescale to Q4.27, gemmlowp {@code tanh}, round to 1/128 (zero point 0).
 */
public final class TanhKernel implements OpKernel<TanhParams> {

    @Override
    public TanhParams prepare(Graph graph, Operator op, PrepareContext ctx) {
        String where = "operator " + op.index() + " TANH";
        Tensor in = ActivationChecks.int8Input(where, graph, op);
        Tensor out = graph.tensor(op.output(0));
        ActivationChecks.int8Output(where, in, out, 1.0f / 128, 0, "1/128");
        Q4InputScaling s = Q4InputScaling.of(where, in.quant().scale());
        return new TanhParams(op, op.input(0), op.output(0), (int) in.shape().elements(),
                in.quant().zeroPoint(), s.rangeRadius(), s.multiplier(), s.shift(), ctx.rounding());
    }

    @Override
    public void eval(TanhParams p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] out = store.bytes(p.output());
        for (int i = 0; i < p.size(); i++) {
            int x = in[i] - p.inputZeroPoint();
            int v;
            if (x <= -p.inputRangeRadius()) {
                v = -128;
            } else if (x >= p.inputRangeRadius()) {
                v = 127;
            } else {
                int q4 = FixedPoint.multiplyByQuantizedMultiplier(x, p.inputMultiplier(), p.inputShift(),
                        p.rounding());
                int q0 = GemmlowpTanh.tanh(q4, Q4InputScaling.INPUT_INTEGER_BITS);
                v = FixedPoint.clampInt8(FixedPoint.rdbpot(q0, 31 - 7));
            }
            out[i] = (byte) v;
        }
    }
}
