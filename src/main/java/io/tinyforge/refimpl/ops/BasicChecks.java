package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.Arrays;

/** Validation helpers shared by the basic operators: each failure is one line naming the operator. */
final class BasicChecks {

    private BasicChecks() {
    }

    /** A one-line error: "operator 3 ADD: what". */
    static ModelException fail(Operator op, String what) {
        return new ModelException("operator " + op.index() + " " + op.type() + ": " + what);
    }

    /** Requires exactly {@code n} inputs and one output. */
    static void arity(Operator op, int minInputs, int maxInputs) {
        if (op.inputCount() < minInputs || op.inputCount() > maxInputs || op.outputCount() != 1) {
            throw fail(op, "expected " + (minInputs == maxInputs ? "" + minInputs : minInputs + " to " + maxInputs)
                    + " inputs and 1 output, found " + op.inputCount() + " and " + op.outputCount()
                    + "; the .tflite file is not a valid model");
        }
    }

    /** Input tensor {@code i}, which must be present. */
    static Tensor input(Graph g, Operator op, int i) {
        int idx = op.input(i);
        if (idx < 0) {
            throw fail(op, "input " + i + " is missing; the .tflite file is not a valid model");
        }
        return g.tensor(idx);
    }

    static Tensor output(Graph g, Operator op) {
        return g.tensor(op.output(0));
    }

    /** Requires the tensor's element type to be one of {@code allowed}. */
    static void dtype(Operator op, Tensor t, String role, DType... allowed) {
        for (DType d : allowed) {
            if (t.dtype() == d) {
                return;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (DType d : allowed) {
            sb.append(sb.length() == 0 ? "" : " or ").append(d.label());
        }
        throw fail(op, role + " is " + t.dtype().label() + " but only " + sb
                + " is supported; quantize the model to int8 (full-integer post-training quantization)");
    }

    /** Requires per-tensor affine quantization (one scale, one zero point). */
    static void perTensor(Operator op, Tensor t, String role) {
        if (t.quant() == null || t.quant().scales().length == 0) {
            throw fail(op, role + " '" + t.name() + "' has no quantization parameters; "
                    + "re-export the model with full-integer quantization");
        }
        if (t.quant().perChannel()) {
            throw fail(op, role + " '" + t.name() + "' is per-channel quantized; this operator needs "
                    + "per-tensor quantization");
        }
        if (!(t.quant().scale() > 0f) || Float.isInfinite(t.quant().scale())) {
            throw fail(op, role + " '" + t.name() + "' has scale " + t.quant().scale()
                    + "; the scale must be a positive finite number");
        }
    }

    /** Requires a zero point inside the element type's range. */
    static void zeroPointInRange(Operator op, Tensor t, String role) {
        long zp = t.quant().zeroPoints()[0];
        long lo = t.dtype() == DType.INT8 ? -128 : t.dtype() == DType.INT16 ? -32768 : Integer.MIN_VALUE;
        long hi = t.dtype() == DType.INT8 ? 127 : t.dtype() == DType.INT16 ? 32767 : Integer.MAX_VALUE;
        if (zp < lo || zp > hi) {
            throw fail(op, role + " zero point " + zp + " is outside the " + t.dtype().label() + " range");
        }
    }

    /** Requires equal element counts. */
    static void sameElements(Operator op, Tensor a, Tensor b) {
        if (a.shape().elements() != b.shape().elements()) {
            throw fail(op, "input shape " + a.shape() + " and output shape " + b.shape()
                    + " hold different numbers of elements");
        }
    }

    /** {@code dims} left-padded with 1s to {@code rank} entries; fails when it has more. */
    static int[] extend(Operator op, int[] dims, int rank, String role) {
        if (dims.length > rank) {
            throw fail(op, role + " has rank " + dims.length + "; at most " + rank + " is supported");
        }
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(dims, 0, out, rank - dims.length, dims.length);
        return out;
    }

    /** Element count as an int, failing for tensors too large for a 32-bit index. */
    static int size(Operator op, Tensor t) {
        long n = t.shape().elements();
        if (n > Integer.MAX_VALUE) {
            throw fail(op, "tensor '" + t.name() + "' has " + n + " elements; at most 2^31-1 are supported");
        }
        return (int) n;
    }
}
