package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * MUL int8 with broadcasting (up to 4-D, TFLM's {@code BroadcastMul4DSlow}) and fused activation, as TFLM's
 * {@code mul_common.cc} and {@code reference_integer_ops::Mul}.
 */
public final class MulKernel implements OpKernel<MulParams> {

    @Override
    public MulParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 2, 2);
        Tensor a = BasicChecks.input(g, op, 0);
        Tensor b = BasicChecks.input(g, op, 1);
        Tensor out = BasicChecks.output(g, op);
        for (Tensor t : new Tensor[] {a, b, out}) {
            String role = t == out ? "output" : t == a ? "input 1" : "input 2";
            BasicChecks.dtype(op, t, role, DType.INT8);
            BasicChecks.perTensor(op, t, role);
            BasicChecks.zeroPointInRange(op, t, role);
        }
        BroadcastPlan plan = BroadcastPlan.of(op, a.shape(), b.shape(), out.shape(), 4);
        double real = (double) a.quant().scale() * (double) b.quant().scale() / (double) out.quant().scale();
        QuantizedMultiplier m = QuantizedMultiplier.of(real, ctx.rounding());
        int[] range = BasicActivationRange.of(op, op.options(ActivationOptions.class).activation(), out);
        return new MulParams(op, op.input(0), op.input(1), op.output(0), plan, -a.quant().zeroPoint(),
                -b.quant().zeroPoint(), out.quant().zeroPoint(), m.multiplier(), m.shift(), range[0], range[1],
                ctx.rounding());
    }

    @Override
    public void eval(MulParams p, TensorStore store) {
        p.plan().forEach(store.bytes(p.input1()), store.bytes(p.input2()), store.bytes(p.output()), (x, y) -> {
            int prod = (p.input1Offset() + x) * (p.input2Offset() + y);
            int raw = p.outputOffset() + FixedPoint.multiplyByQuantizedMultiplier(prod, p.outputMultiplier(),
                    p.outputShift(), p.rounding());
            return Math.min(p.actMax(), Math.max(p.actMin(), raw));
        });
    }
}
