package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * PAD int8 with constant paddings, as TFLM's {@code pad_common.cc} / {@code reference_ops::Pad}: up to 5-D,
 * padded positions take the output zero point (or PADV2's constant when a third input is given).
 */
public final class PadKernel implements OpKernel<PadParams> {

    static final int MAX_RANK = 5;

    @Override
    public PadParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 2, 3);
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.INT8);
        BasicChecks.dtype(op, out, "output", DType.INT8);
        BasicChecks.perTensor(op, out, "output");
        BasicChecks.zeroPointInRange(op, out, "output");
        int rank = in.shape().rank();
        if (rank > MAX_RANK || out.shape().rank() != rank) {
            throw BasicChecks.fail(op, "input " + in.shape() + " and output " + out.shape()
                    + " must have the same rank, at most " + MAX_RANK);
        }
        int[] pads = ConstantInts.read(op, BasicChecks.input(g, op, 1), "paddings");
        if (pads.length != 2 * rank) {
            throw BasicChecks.fail(op, "paddings have " + pads.length + " values; expected " + 2 * rank
                    + " (a before/after pair per dimension)");
        }
        int padValue = out.quant().zeroPoint();
        if (op.input(2) >= 0) {
            Tensor c = g.tensor(op.input(2));
            if (!c.isConstant() || c.dtype() != DType.INT8 || c.shape().elements() != 1) {
                throw BasicChecks.fail(op, "the constant value must be a constant int8 scalar");
            }
            if (c.quant() == null || !c.quant().equals(out.quant())) {
                throw BasicChecks.fail(op, "the constant value must have the output's scale and zero point");
            }
            padValue = c.data()[0];
        }
        int[] inDims = BasicChecks.extend(op, in.shape().dims(), MAX_RANK, "input");
        int[] outDims = BasicChecks.extend(op, out.shape().dims(), MAX_RANK, "output");
        int[] before = new int[MAX_RANK];
        for (int i = 0; i < rank; i++) {
            int lo = pads[2 * i];
            int hi = pads[2 * i + 1];
            if (lo < 0 || hi < 0) {
                throw BasicChecks.fail(op, "negative padding " + lo + "/" + hi + " on dimension " + i
                        + " is not supported");
            }
            if (in.shape().dim(i) + lo + hi != out.shape().dim(i)) {
                throw BasicChecks.fail(op, "output dimension " + i + " is " + out.shape().dim(i) + " but input "
                        + in.shape().dim(i) + " padded by " + lo + "+" + hi + " gives "
                        + (in.shape().dim(i) + lo + hi));
            }
            before[MAX_RANK - rank + i] = lo;
        }
        return new PadParams(op, op.input(0), op.output(0), inDims, outDims, before, padValue);
    }

    @Override
    public void eval(PadParams p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] out = store.bytes(p.output());
        int[] id = p.inDims();
        int[] od = p.outDims();
        int[] lo = p.before();
        byte pad = (byte) p.padValue();
        int o = 0;
        for (int i0 = 0; i0 < od[0]; i0++) {
            int x0 = i0 - lo[0];
            for (int i1 = 0; i1 < od[1]; i1++) {
                int x1 = i1 - lo[1];
                for (int i2 = 0; i2 < od[2]; i2++) {
                    int x2 = i2 - lo[2];
                    for (int i3 = 0; i3 < od[3]; i3++) {
                        int x3 = i3 - lo[3];
                        boolean outer = x0 >= 0 && x0 < id[0] && x1 >= 0 && x1 < id[1] && x2 >= 0 && x2 < id[2]
                                && x3 >= 0 && x3 < id[3];
                        int base = (((x0 * id[1] + x1) * id[2] + x2) * id[3] + x3) * id[4];
                        for (int i4 = 0; i4 < od[4]; i4++) {
                            int x4 = i4 - lo[4];
                            out[o++] = outer && x4 >= 0 && x4 < id[4] ? in[base + x4] : pad;
                        }
                    }
                }
            }
        }
    }
}
