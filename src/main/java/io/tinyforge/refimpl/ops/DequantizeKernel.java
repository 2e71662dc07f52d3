package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/** DEQUANTIZE int8/int16 to float32, as TFLM's {@code reference_ops::Dequantize} (one float multiply). */
public final class DequantizeKernel implements OpKernel<DequantizeParams> {

    @Override
    public DequantizeParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 1, 1);
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.INT8, DType.INT16);
        BasicChecks.dtype(op, out, "output", DType.FLOAT32);
        BasicChecks.perTensor(op, in, "input");
        BasicChecks.zeroPointInRange(op, in, "input");
        BasicChecks.sameElements(op, in, out);
        return new DequantizeParams(op, op.input(0), op.output(0), in.dtype(), BasicChecks.size(op, in),
                in.quant().scale(), in.quant().zeroPoint());
    }

    @Override
    public void eval(DequantizeParams p, TensorStore store) {
        for (int i = 0; i < p.size(); i++) {
            int q = p.from() == DType.INT8 ? store.bytes(p.input())[i] : store.int16(p.input(), i);
            store.setFloat32(p.output(), i, p.scale() * (float) (q - p.zeroPoint()));
        }
    }
}
