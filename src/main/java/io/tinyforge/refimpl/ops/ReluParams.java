package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared RELU (int8), TFLM {@code ReluQuantized}: out = clamp(zp_out + MBQM(in - zp_in, multiplier, shift))
 * with multiplier/shift from s_in/s_out and the clamp [{@code actMin}, {@code actMax}] = [max(-128, zp_out), 127].
 */
public record ReluParams(Operator op, int input, int output, int size, int inputZeroPoint, int outputZeroPoint,
        int multiplier, int shift, int actMin, int actMax, Rounding rounding) implements OpParams {
}
