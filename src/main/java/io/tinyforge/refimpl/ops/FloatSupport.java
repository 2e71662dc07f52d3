package io.tinyforge.refimpl.ops;

import io.tinyforge.floatmath.Float16;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.TensorStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Helpers shared by the float32, hybrid and float16-weight kernels: dtype predicates for
 * {@link io.tinyforge.refimpl.DTypeDispatchKernel}, float activation ranges and the clamp written exactly as the
 * C {@code tfg_clamp_f32} (TFLite {@code ActivationFunctionWithMinMax}: min(max(x, lo), hi) with std::max(a,b) =
 * a &lt; b ? b : a), and bulk float reads/writes.
 */
final class FloatSupport {

    private FloatSupport() {
    }

    static ModelException error(Operator op, String what) {
        return new ModelException("operator " + op.index() + " " + op.type() + ": " + what);
    }

    /** The dtype of input {@code i}, or null when it is absent. */
    static DType inputType(Graph g, Operator op, int i) {
        return i < op.inputCount() && op.input(i) >= 0 ? g.tensor(op.input(i)).dtype() : null;
    }

    /** True when input 0 (the activations) is float32. */
    static boolean floatInput(Graph g, Operator op) {
        return inputType(g, op, 0) == DType.FLOAT32;
    }

    /** Requires the tensor to exist and have one of the dtypes. */
    static Tensor require(Graph g, Operator op, int index, String role, DType... allowed) {
        if (index < 0) {
            throw error(op, role + " tensor is missing; the model is malformed, re-export it");
        }
        Tensor t = g.tensor(index);
        for (DType d : allowed) {
            if (t.dtype() == d) {
                return t;
            }
        }
        throw error(op, role + " " + t + " is " + t.dtype().label() + "; this float kernel needs "
                + java.util.Arrays.stream(allowed).map(DType::label).toList());
    }

    /** Optional float32 bias with {@code channels} elements (index -1 when absent). */
    static void requireFloatBias(Graph g, Operator op, int bias, int channels) {
        if (bias < 0) {
            return;
        }
        Tensor t = require(g, op, bias, "bias", DType.FLOAT32);
        if (t.shape().elements() != channels) {
            throw error(op, "bias " + t + " has " + t.shape().elements() + " elements, expected " + channels);
        }
    }

    /** {lo, hi} of a fused activation in float (TFLite CalculateActivationRange). */
    static float[] range(Operator op, Activation a) {
        return switch (a) {
            case NONE -> new float[] {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
            case RELU -> new float[] {0f, Float.POSITIVE_INFINITY};
            case RELU_N1_TO_1 -> new float[] {-1f, 1f};
            case RELU6 -> new float[] {0f, 6f};
            default -> throw error(op, "fused activation " + a + " is not supported for float; use NONE, RELU, "
                    + "RELU6 or RELU_N1_TO_1");
        };
    }

    /** min(max(v, lo), hi) in the std::min/std::max argument order TFLite uses. */
    static float clamp(float v, float lo, float hi) {
        float r = v < lo ? lo : v;
        return hi < r ? hi : r;
    }

    /** All elements of a float32 tensor, or a float16 tensor widened exactly. */
    static float[] read(TensorStore s, int index) {
        if (index < 0) {
            return null;
        }
        byte[] b = s.bytes(index);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        DType t = s.graph().tensor(index).dtype();
        if (t == DType.FLOAT16) {
            float[] f = new float[b.length / 2];
            for (int i = 0; i < f.length; i++) {
                f[i] = Float16.toFloat(bb.getShort(2 * i));
            }
            return f;
        }
        float[] f = new float[b.length / 4];
        bb.asFloatBuffer().get(f);
        return f;
    }

    /** Writes {@code v} into a float32 tensor. */
    static void write(TensorStore s, int index, float[] v) {
        ByteBuffer.wrap(s.bytes(index)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(v);
    }
}
