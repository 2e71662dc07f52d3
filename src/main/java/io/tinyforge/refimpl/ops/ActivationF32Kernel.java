package io.tinyforge.refimpl.ops;

import io.tinyforge.floatmath.FloatExp;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 RELU / RELU6 (the float clamp) and LOGISTIC / TANH, one instance per operator type.
 * LOGISTIC follows TFLite's reference: x &gt; 16.619047 gives 1, x &lt; -9 gives exp(x), else 1 / (1 + exp(-x)).
 * TANH (libm in TFLite) is computed as sign(x) * (1 - 2 / (exp(2|x|) + 1)), x itself for |x| &lt; 2^-12 and
 * sign(x) for |x| &gt; 9 (absolute error below 1e-7). Both use {@link FloatExp}; the C twins are
 * {@code tfg_clamp_f32.c}, {@code tfg_logistic_f32.c}, {@code tfg_tanh_f32.c}.
 */
public final class ActivationF32Kernel implements OpKernel<ActivationF32Params> {
    private final OpType type;

    public ActivationF32Kernel(OpType type) {
        this.type = type;
    }

    @Override
    public ActivationF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        if (in.shape().elements() != out.shape().elements()) {
            throw FloatSupport.error(op, "input " + in + " and output " + out + " differ in size");
        }
        return new ActivationF32Params(op, type, in.index(), out.index(), (int) in.shape().elements());
    }

    @Override
    public void eval(ActivationF32Params p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = apply(p.function(), x[i]);
        }
        FloatSupport.write(store, p.output(), y);
    }

    /** The function on one value, exactly as the C kernels compute it. */
    static float apply(OpType f, float v) {
        return switch (f) {
            case RELU -> FloatSupport.clamp(v, 0f, Float.POSITIVE_INFINITY);
            case RELU6 -> FloatSupport.clamp(v, 0f, 6f);
            case LOGISTIC -> logistic(v);
            case TANH -> tanh(v);
            default -> throw new IllegalArgumentException(f.name());
        };
    }

    static float logistic(float v) {
        if (v > 16.619047164916992188f) {
            return 1f;
        }
        if (v < -9f) {
            return FloatExp.exp(v);
        }
        return 1f / (1f + FloatExp.exp(-v));
    }

    static float tanh(float v) {
        float a = v < 0f ? -v : v;
        float r;
        if (a < 0x1p-12f) {
            return v;
        } else if (a > 9f) {
            r = 1f;
        } else {
            r = 1f - 2f / (FloatExp.exp(2f * a) + 1f);
        }
        return v < 0f ? -r : r;
    }
}
