package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared QUANTIZE. From float32: q = clamp(round(x / {@code outputScale}) + zp_out) in float32 arithmetic.
 * From an integer type (requantize): q = clamp(MBQM(x - zp_in, {@code multiplier}, {@code shift}) + zp_out),
 * with multiplier/shift from s_in/s_out; the clamp is the output type's range.
 */
public record QuantizeParams(Operator op, int input, int output, DType from, DType to, int size,
        float outputScale, int inputZeroPoint, int outputZeroPoint, int multiplier, int shift, Rounding rounding)
        implements OpParams {
}
