package io.tinyforge.refimpl.ops;

import io.tinyforge.floatmath.Float16;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * DEQUANTIZE float16 → float32, the op TFLite's float16 quantization puts in front of every half weight: an
 * exact IEEE widening ({@link Float16#toFloat}); C twin {@code tfg_dequantize_f16_f32.c}.
 */
public final class DequantizeF16Kernel implements OpKernel<DequantizeF16Params> {

    @Override
    public DequantizeF16Params prepare(Graph g, Operator op, PrepareContext ctx) {
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT16);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        if (in.shape().elements() != out.shape().elements()) {
            throw FloatSupport.error(op, "input " + in + " and output " + out + " differ in size");
        }
        return new DequantizeF16Params(op, in.index(), out.index(), (int) in.shape().elements());
    }

    @Override
    public void eval(DequantizeF16Params p, TensorStore store) {
        byte[] h = store.bytes(p.input());
        float[] y = new float[p.elements()];
        for (int i = 0; i < y.length; i++) {
            y[i] = Float16.toFloat((h[2 * i] & 0xff) | (h[2 * i + 1] & 0xff) << 8);
        }
        FloatSupport.write(store, p.output(), y);
    }
}
