package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * RELU6 int8 as TFLM's {@code Relu6Prepare}/{@code Relu6Quantized}: no rescaling (the output is assumed to
 * share the input's quantization, as the converter emits it); six = clamp(round(6 / s_in) + zp_in) to int8.
 */
public final class Relu6Kernel implements OpKernel<Relu6Params> {

    @Override
    public Relu6Params prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 1, 1);
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.INT8);
        BasicChecks.dtype(op, out, "output", DType.INT8);
        BasicChecks.perTensor(op, in, "input");
        BasicChecks.zeroPointInRange(op, in, "input");
        BasicChecks.sameElements(op, in, out);
        int zp = in.quant().zeroPoint();
        // FloatToQuantizedType<int8_t>(6.0f, scale, zp): round(6.0f / scale) + zp, clamped to int8
        float q = 6.0f / in.quant().scale();
        double r = Math.floor((double) q + 0.5); // q > 0: round half away from zero, no int overflow
        long six = Math.max(-128L, Math.min(127L, (long) r + zp));
        return new Relu6Params(op, op.input(0), op.output(0), BasicChecks.size(op, in), zp, (int) six);
    }

    @Override
    public void eval(Relu6Params p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] out = store.bytes(p.output());
        for (int i = 0; i < p.size(); i++) {
            int v = in[i];
            out[i] = (byte) (v > p.upper() ? p.upper() : v < p.lower() ? p.lower() : v);
        }
    }
}
