package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Tensor;

/** Shared prepare-time helpers of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED (TFLM semantics). */
final class ConvSupport {
    static final int INT8_MIN = -128;
    static final int INT8_MAX = 127;

    private ConvSupport() {
    }

    /** A one-line error naming the operator and what to do. */
    static ModelException error(Operator op, String what) {
        return new ModelException("operator " + op.index() + " " + op.type() + ": " + what);
    }

    /** TFLite {@code ComputeOutSize}; fails on a non-positive size. */
    static int outSize(Operator op, Padding padding, int inSize, int filterSize, int stride, int dilation) {
        int effective = (filterSize - 1) * dilation + 1;
        int out = padding == Padding.SAME ? (inSize + stride - 1) / stride : (inSize + stride - effective) / stride;
        if (out <= 0) {
            throw error(op, "filter extent " + effective + " does not fit input size " + inSize
                    + " with VALID padding; the model is malformed, re-export it");
        }
        return out;
    }

    /** TFLite {@code ComputePaddingWithOffset}: the leading (top/left) padding; the odd extra goes at the end. */
    static int padding(int stride, int dilation, int inSize, int filterSize, int outSize) {
        int effective = (filterSize - 1) * dilation + 1;
        int total = (outSize - 1) * stride + effective - inSize;
        return Math.max(total, 0) / 2;
    }

    /** TFLite {@code CalculateActivationRangeQuantized} for int8: {min, max}. */
    static int[] activationRange(Operator op, Activation act, float outScale, int outZp) {
        switch (act) {
            case NONE:
                return new int[] {INT8_MIN, INT8_MAX};
            case RELU:
                return new int[] {Math.max(INT8_MIN, quantize(0f, outScale, outZp)), INT8_MAX};
            case RELU6:
                return new int[] {Math.max(INT8_MIN, quantize(0f, outScale, outZp)),
                    Math.min(INT8_MAX, quantize(6f, outScale, outZp))};
            case RELU_N1_TO_1:
                return new int[] {Math.max(INT8_MIN, quantize(-1f, outScale, outZp)),
                    Math.min(INT8_MAX, quantize(1f, outScale, outZp))};
            default:
                throw error(op, "fused activation " + act + " is not supported for int8; "
                        + "use NONE, RELU, RELU6 or RELU_N1_TO_1");
        }
    }

    /** zp + (int) round(f / scale) with the division in float32, as TFLite's lambda. */
    private static int quantize(float f, float scale, int zp) {
        return zp + FixedPoint.roundHalfAway(f / scale);
    }

    /** Fails unless the tensor exists, has the dtype and (when {@code quant}) quantization parameters. */
    static Tensor require(Graph g, Operator op, int tensorIndex, String role, DType dtype, boolean quant) {
        if (tensorIndex < 0) {
            throw error(op, role + " tensor is missing; the model is malformed, re-export it");
        }
        Tensor t = g.tensor(tensorIndex);
        if (t.dtype() != dtype) {
            throw error(op, role + " " + t + " is " + t.dtype().label() + ", only " + dtype.label()
                    + " is supported; convert the model with full-integer int8 quantization");
        }
        if (quant && !t.hasQuant()) {
            throw error(op, role + " " + t + " has no quantization parameters; convert the model with "
                    + "full-integer int8 quantization");
        }
        return t;
    }

    static void requireRank(Operator op, Tensor t, String role, int rank) {
        if (t.shape().rank() != rank) {
            throw error(op, role + " " + t + " must have rank " + rank + "; the model is malformed, re-export it");
        }
    }

    static void requireConstant(Operator op, Tensor t, String role) {
        if (!t.isConstant()) {
            throw error(op, role + " " + t + " must be constant; non-constant weights are not supported, "
                    + "freeze the weights before converting");
        }
    }

    /** Per-tensor check for activations: exactly one scale. */
    static void requirePerTensor(Operator op, Tensor t, String role) {
        if (t.quant().perChannel()) {
            throw error(op, role + " " + t + " must be quantized per tensor; re-convert the model");
        }
    }

    /** Weight scales broadcast to {@code channels} entries; the count must be 1 or channels along axis. */
    static float[] weightScales(Operator op, Tensor filter, int axis, int channels) {
        float[] s = filter.quant().scales();
        if (s.length == 1) {
            float[] b = new float[channels];
            java.util.Arrays.fill(b, s[0]);
            return b;
        }
        if (s.length != channels || filter.quant().axis() != axis) {
            throw error(op, "weights " + filter + " have " + s.length + " scales along axis "
                    + filter.quant().axis() + ", expected 1 or " + channels + " along axis " + axis
                    + "; re-convert the model");
        }
        return s;
    }

    /** Requires every weight zero point to be 0 (symmetric int8 weights, TFLite spec). */
    static void requireSymmetric(Operator op, Tensor filter) {
        for (long zp : filter.quant().zeroPoints()) {
            if (zp != 0) {
                throw error(op, "weights " + filter + " have zero point " + zp
                        + "; int8 weights must be symmetric (zero point 0), re-convert the model");
            }
        }
    }

    /** Bias must be int32 with {@code channels} elements (or absent: index -1). */
    static void requireBias(Graph g, Operator op, int bias, int channels) {
        if (bias < 0) {
            return;
        }
        Tensor t = require(g, op, bias, "bias", DType.INT32, false);
        requireConstant(op, t, "bias");
        if (t.shape().elements() != channels) {
            throw error(op, "bias " + t + " has " + t.shape().elements() + " elements, expected " + channels
                    + "; the model is malformed, re-export it");
        }
    }

    /** The multiplier and shift arrays of s_in * s_w[c] / s_out, computed in double as TFLite does. */
    static int[][] multipliers(float inScale, float[] wScales, float outScale, Rounding rounding) {
        int n = wScales.length;
        int[] mult = new int[n];
        int[] shift = new int[n];
        for (int c = 0; c < n; c++) {
            QuantizedMultiplier q = QuantizedMultiplier.of(
                    (double) inScale * (double) wScales[c] / (double) outScale, rounding);
            mult[c] = q.multiplier();
            shift[c] = q.shift();
        }
        return new int[][] {mult, shift};
    }

    /** Reads an optional int32 bias tensor into an array (zeros when absent). */
    static int[] bias(io.tinyforge.refimpl.TensorStore store, int bias, int channels) {
        int[] b = new int[channels];
        if (bias >= 0) {
            for (int c = 0; c < channels; c++) {
                b[c] = store.int32(bias, c);
            }
        }
        return b;
    }
}
