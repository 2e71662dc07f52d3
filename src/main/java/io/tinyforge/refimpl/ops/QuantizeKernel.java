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

/**
 * QUANTIZE as TFLM's {@code quantize_common.cc}: float32 to int8/int16 ({@code AffineQuantize}) and the integer
 * requantizations int8 to int8/int16/int32 and int16 to int8/int16/int32 ({@code Requantize}).
 */
public final class QuantizeKernel implements OpKernel<QuantizeParams> {

    /** Beyond this magnitude every result saturates; clamping here keeps the float-to-int conversion defined. */
    static final float LIMIT = 16777216f;

    @Override
    public QuantizeParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 1, 1);
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.FLOAT32, DType.INT8, DType.INT16);
        if (in.dtype() == DType.FLOAT32) {
            BasicChecks.dtype(op, out, "output (from float32)", DType.INT8, DType.INT16);
        } else {
            BasicChecks.dtype(op, out, "output", DType.INT8, DType.INT16, DType.INT32);
        }
        BasicChecks.perTensor(op, out, "output");
        BasicChecks.zeroPointInRange(op, out, "output");
        BasicChecks.sameElements(op, in, out);
        int size = BasicChecks.size(op, in);
        if (in.dtype() == DType.FLOAT32) {
            return new QuantizeParams(op, op.input(0), op.output(0), in.dtype(), out.dtype(), size,
                    out.quant().scale(), 0, out.quant().zeroPoint(), 0, 0, ctx.rounding());
        }
        BasicChecks.perTensor(op, in, "input");
        BasicChecks.zeroPointInRange(op, in, "input");
        QuantizedMultiplier m = QuantizedMultiplier.of((double) in.quant().scale() / (double) out.quant().scale(),
                ctx.rounding());
        return new QuantizeParams(op, op.input(0), op.output(0), in.dtype(), out.dtype(), size, out.quant().scale(),
                in.quant().zeroPoint(), out.quant().zeroPoint(), m.multiplier(), m.shift(), ctx.rounding());
    }

    @Override
    public void eval(QuantizeParams p, TensorStore store) {
        int lo = p.to() == DType.INT8 ? -128 : p.to() == DType.INT16 ? -32768 : Integer.MIN_VALUE;
        int hi = p.to() == DType.INT8 ? 127 : p.to() == DType.INT16 ? 32767 : Integer.MAX_VALUE;
        for (int i = 0; i < p.size(); i++) {
            int q;
            if (p.from() == DType.FLOAT32) {
                q = fromFloat(store.float32(p.input(), i), p.outputScale(), p.outputZeroPoint());
            } else {
                int x = p.from() == DType.INT8 ? store.bytes(p.input())[i] : store.int16(p.input(), i);
                long v = (long) FixedPoint.multiplyByQuantizedMultiplier(x - p.inputZeroPoint(), p.multiplier(),
                        p.shift(), p.rounding()) + p.outputZeroPoint();
                // int8/int16: saturate; int32: the offset add wraps around like two's complement int32
                q = p.to() == DType.INT32 ? (int) v : (int) Math.max(lo, Math.min(hi, v));
            }
            q = Math.max(lo, Math.min(hi, q));
            if (p.to() == DType.INT8) {
                store.bytes(p.output())[i] = (byte) q;
            } else if (p.to() == DType.INT16) {
                store.setInt16(p.output(), i, q);
            } else {
                store.setInt32(p.output(), i, q);
            }
        }
    }

    /** int32(roundf(x / scale)) + zp in float32, before the output clamp; NaN maps to the lowest value. */
    static int fromFloat(float x, float scale, int zp) {
        float v = x / scale;
        if (!(v >= -LIMIT)) {
            v = -LIMIT;
        } else if (v > LIMIT) {
            v = LIMIT;
        }
        return FixedPoint.roundHalfAway(v) + zp;
    }
}
