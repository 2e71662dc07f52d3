package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;

/**
 * TFLite {@code CalculateActivationRangeQuantized}: the fused activation as an inclusive clamp range in output
 * quantized units, Q(f) = zp + (int) roundf(f / scale) evaluated in float32.
 */
final class BasicActivationRange {

    private BasicActivationRange() {
    }

    /** {min, max} for the output tensor's type (int8 or int16) and the fused activation. */
    static int[] of(Operator op, Activation act, Tensor output) {
        int qmin = output.dtype() == DType.INT16 ? -32768 : -128;
        int qmax = output.dtype() == DType.INT16 ? 32767 : 127;
        float scale = output.quant().scale();
        int zp = output.quant().zeroPoint();
        switch (act) {
            case NONE:
                return new int[] {qmin, qmax};
            case RELU:
                return new int[] {Math.max(qmin, q(0f, scale, zp)), qmax};
            case RELU6:
                return new int[] {Math.max(qmin, q(0f, scale, zp)), Math.min(qmax, q(6f, scale, zp))};
            case RELU_N1_TO_1:
                return new int[] {Math.max(qmin, q(-1f, scale, zp)), Math.min(qmax, q(1f, scale, zp))};
            default:
                throw BasicChecks.fail(op, "fused activation " + act + " is not supported on quantized tensors");
        }
    }

    private static int q(float f, float scale, int zp) {
        return zp + FixedPoint.roundHalfAway(f / scale);
    }
}
