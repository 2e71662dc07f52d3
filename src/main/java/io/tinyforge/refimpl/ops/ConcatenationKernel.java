package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * CONCATENATION int8, as TFLM's {@code concatenation.cc} (which evaluates int8 like an unquantized type):
 * a plain copy along the axis; fused activations other than NONE are rejected, as in TFLM.
 */
public final class ConcatenationKernel implements OpKernel<ConcatenationParams> {

    @Override
    public ConcatenationParams prepare(Graph g, Operator op, PrepareContext ctx) {
        if (op.inputCount() < 1 || op.outputCount() != 1) {
            throw BasicChecks.fail(op, "expected at least 1 input and 1 output");
        }
        ConcatenationOptions o = op.options(ConcatenationOptions.class);
        if (o.activation() != Activation.NONE) {
            throw BasicChecks.fail(op, "fused activation " + o.activation()
                    + " is not supported (TFLM requires NONE)");
        }
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, out, "output", DType.INT8);
        int rank = out.shape().rank();
        int axis = o.axis() < 0 ? o.axis() + rank : o.axis();
        if (axis < 0 || axis >= rank) {
            throw BasicChecks.fail(op, "axis " + o.axis() + " is outside the output rank " + rank);
        }
        int[] od = out.shape().dims();
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= od[i];
        }
        int[] copy = new int[op.inputCount()];
        int axisSum = 0;
        for (int k = 0; k < op.inputCount(); k++) {
            Tensor in = BasicChecks.input(g, op, k);
            BasicChecks.dtype(op, in, "input " + k, DType.INT8);
            int[] d = in.shape().dims();
            if (d.length != rank) {
                throw BasicChecks.fail(op, "input " + k + " " + in.shape() + " has a different rank than the output "
                        + out.shape());
            }
            int inner = 1;
            for (int i = 0; i < rank; i++) {
                if (i != axis && d[i] != od[i]) {
                    throw BasicChecks.fail(op, "input " + k + " " + in.shape() + " does not match the output "
                            + out.shape() + " outside axis " + axis);
                }
                if (i >= axis) {
                    inner *= d[i];
                }
            }
            axisSum += d[axis];
            copy[k] = inner;
        }
        if (axisSum != od[axis]) {
            throw BasicChecks.fail(op, "inputs add up to " + axisSum + " along axis " + axis + " but the output has "
                    + od[axis]);
        }
        return new ConcatenationParams(op, op.inputs(), op.output(0), axis, outer, copy);
    }

    @Override
    public void eval(ConcatenationParams p, TensorStore store) {
        byte[] out = store.bytes(p.output());
        int[] ins = p.inputs();
        int[] copy = p.copySizes();
        int o = 0;
        for (int k = 0; k < p.outerSize(); k++) {
            for (int i = 0; i < ins.length; i++) {
                System.arraycopy(store.bytes(ins[i]), k * copy[i], out, o, copy[i]);
                o += copy[i];
            }
        }
    }
}
