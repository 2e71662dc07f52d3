package io.tinyforge.refimpl.ops;

import io.tinyforge.floatmath.FloatExp;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 SOFTMAX in TFLite's reference order, per row: {@code max} (starting from -FLT_MAX, {@code m = m < x ?
 * x : m}); {@code e[c] = exp((x[c] - max) * beta)}, {@code sum += e[c]} in order; {@code y[c] = e[c] / sum}.
 * The exponential is {@link FloatExp} (same bits as {@code tfg_expf} in C), not libm's, so that Java and the
 * generated C agree bit for bit; it differs from std::exp by about one ulp.
 */
public final class SoftmaxF32Kernel implements OpKernel<SoftmaxF32Params> {

    @Override
    public SoftmaxF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        if (in.shape().elements() != out.shape().elements() || in.shape().rank() < 1) {
            throw FloatSupport.error(op, "input " + in + " and output " + out + " differ");
        }
        int depth = in.shape().fromEnd(1);
        int rows = depth == 0 ? 0 : (int) (in.shape().elements() / depth);
        return new SoftmaxF32Params(op, in.index(), out.index(), rows, depth,
                op.options(SoftmaxOptions.class).beta());
    }

    @Override
    public void eval(SoftmaxF32Params p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        float[] y = new float[x.length];
        int d = p.depth();
        for (int r = 0; r < p.rows(); r++) {
            int base = r * d;
            float max = -Float.MAX_VALUE;
            for (int c = 0; c < d; c++) {
                max = max < x[base + c] ? x[base + c] : max;
            }
            float sum = 0f;
            for (int c = 0; c < d; c++) {
                float e = FloatExp.exp((x[base + c] - max) * p.beta());
                y[base + c] = e;
                sum += e;
            }
            for (int c = 0; c < d; c++) {
                y[base + c] = y[base + c] / sum;
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
