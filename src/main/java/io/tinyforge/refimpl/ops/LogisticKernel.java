package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.GemmlowpLogistic;
import io.tinyforge.fixedpoint.Int16Activations;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * LOGISTIC, bit-exact with TFLM's {@code reference_integer_ops::Logistic}. int8: saturate beyond the input
 * radius, otherwise rescale to Q4.27, gemmlowp {@code logistic}, round to 1/256 and add -128. int16: TFLite's
 * sigmoid table interpolation ({@link Int16Activations#sigmoid}).
 */
public final class LogisticKernel implements OpKernel<LogisticParams> {

    @Override
    public LogisticParams prepare(Graph graph, Operator op, PrepareContext ctx) {
        String where = "operator " + op.index() + " LOGISTIC";
        Tensor in = ActivationChecks.input(where, graph, op);
        Tensor out = graph.tensor(op.output(0));
        int size = (int) in.shape().elements();
        if (in.dtype() == DType.INT16) {
            Int16InputScaling s = Int16InputScaling.of(where, in, out, false);
            return new LogisticParams(op, op.input(0), op.output(0), DType.INT16, size, 0, 0, s.multiplier(),
                    s.leftShift(), ctx.rounding());
        }
        ActivationChecks.int8Output(where, out, 1.0f / 256, -128, "1/256");
        Q4InputScaling s = Q4InputScaling.of(where, in.quant().scale());
        return new LogisticParams(op, op.input(0), op.output(0), DType.INT8, size, in.quant().zeroPoint(),
                s.rangeRadius(), s.multiplier(), s.shift(), ctx.rounding());
    }

    @Override
    public void eval(LogisticParams p, TensorStore store) {
        if (p.dtype() == DType.INT16) {
            for (int i = 0; i < p.size(); i++) {
                store.setInt16(p.output(), i,
                        Int16Activations.sigmoid(store.int16(p.input(), i), p.inputMultiplier(), p.inputShift()));
            }
            return;
        }
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
                int q0 = GemmlowpLogistic.logistic(q4, Q4InputScaling.INPUT_INTEGER_BITS);
                v = FixedPoint.clampInt8(FixedPoint.rdbpot(q0, 31 - 8) - 128);
            }
            out[i] = (byte) v;
        }
    }
}
