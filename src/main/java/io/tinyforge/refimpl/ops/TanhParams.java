package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared TANH, int8 (output scale 1/128, zero point 0) or int16, as TFLM's tanh {@code CalculateArithmeticOpData}.
 *
 * @param input            input tensor index
 * @param output           output tensor index, same type as the input
 * @param dtype            INT8, or INT16 (zero points 0, output scale 2^-15, TFLite's table interpolation)
 * @param size             number of elements
 * @param inputZeroPoint   input zero point (0 for int16)
 * @param inputRangeRadius |x - zp| at or beyond which the int8 output saturates to -128 / 127 (int16: 0)
 * @param inputMultiplier  int8: Q0.31 multiplier of input_scale * 2^27 (rescales to Q4.27); int16: 0 for
 *                         a power-of-two input scale, else a 15-bit multiplier
 * @param inputShift       int8: its shift, positive is a left shift; int16: the right shift after multiplying
 *                         (power-of-two case: the input is multiplied by 3 << shift instead)
 * @param rounding         rounding of the input rescale
 */
public record TanhParams(Operator op, int input, int output, DType dtype, int size, int inputZeroPoint,
        int inputRangeRadius, int inputMultiplier, int inputShift, Rounding rounding) implements OpParams {
}
