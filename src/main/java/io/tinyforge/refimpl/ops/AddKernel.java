package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * ADD int8 with broadcasting and fused activation, as TFLM's {@code add_common.cc} and
 * {@code reference_integer_ops::Add} / {@code BroadcastAdd6DSlow}.
 */
public final class AddKernel implements OpKernel<AddParams> {

    static final int LEFT_SHIFT = 20;

    @Override
    public AddParams prepare(Graph g, Operator op, PrepareContext ctx) {
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
        BroadcastPlan plan = BroadcastPlan.of(op, a.shape(), b.shape(), out.shape(), 6);
        double twiceMax = 2 * (double) Math.max(a.quant().scale(), b.quant().scale());
        Rounding r = ctx.rounding();
        QuantizedMultiplier m1 = smallerThanOne(op, a.quant().scale() / twiceMax, r, "input 1");
        QuantizedMultiplier m2 = smallerThanOne(op, b.quant().scale() / twiceMax, r, "input 2");
        QuantizedMultiplier mo = smallerThanOne(op, twiceMax / ((1 << LEFT_SHIFT) * (double) out.quant().scale()),
                r, "output");
        int[] range = BasicActivationRange.of(op, op.options(ActivationOptions.class).activation(), out);
        return new AddParams(op, op.input(0), op.input(1), op.output(0), plan, -a.quant().zeroPoint(),
                m1.multiplier(), m1.shift(), -b.quant().zeroPoint(), m2.multiplier(), m2.shift(), LEFT_SHIFT,
                out.quant().zeroPoint(), mo.multiplier(), mo.shift(), range[0], range[1], r);
    }

    private static QuantizedMultiplier smallerThanOne(Operator op, double m, Rounding r, String role) {
        if (!(m > 0.0 && m < 1.0)) {
            throw BasicChecks.fail(op, "the " + role + " rescale factor " + m + " is not in (0, 1) "
                    + "(output scale too small for the inputs); re-quantize the model");
        }
        return QuantizedMultiplier.of(m, r);
    }

    @Override
    public void eval(AddParams p, TensorStore store) {
        p.plan().forEach(store.bytes(p.input1()), store.bytes(p.input2()), store.bytes(p.output()),
                (x, y) -> add(p, x, y));
    }

    /** TFLM {@code AddFunc}; shifts are &lt;= 0, so MBQM is {@code MultiplyByQuantizedMultiplierSmallerThanOneExp}. */
    static int add(AddParams p, int x, int y) {
        int a = (p.input1Offset() + x) * (1 << p.leftShift());
        int b = (p.input2Offset() + y) * (1 << p.leftShift());
        int sa = FixedPoint.multiplyByQuantizedMultiplier(a, p.input1Multiplier(), p.input1Shift(), p.rounding());
        int sb = FixedPoint.multiplyByQuantizedMultiplier(b, p.input2Multiplier(), p.input2Shift(), p.rounding());
        int raw = FixedPoint.multiplyByQuantizedMultiplier(sa + sb, p.outputMultiplier(), p.outputShift(),
                p.rounding()) + p.outputOffset();
        return Math.min(p.actMax(), Math.max(p.actMin(), raw));
    }
}
