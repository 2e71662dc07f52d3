package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared int8 LOGISTIC (output scale 1/256, zero point -128), as TFLM's
 * {@code CalculateArithmeticOpDataLogistic}.
 *
 * @param input            input tensor index (int8)
 * @param output           output tensor index (int8)
 * @param size             number of elements
 * @param inputZeroPoint   input zero point
 * @param inputRangeRadius |x - zp| at or beyond which the output saturates to -128 / 127
 * @param inputMultiplier  Q0.31 multiplier of input_scale * 2^27 (rescales to Q4.27)
 * @param inputShift       its shift; positive is a left shift
 * @param rounding         rounding of the input rescale
 */
public record LogisticParams(Operator op, int input, int output, int size, int inputZeroPoint,
        int inputRangeRadius, int inputMultiplier, int inputShift, Rounding rounding) implements OpParams {
}
