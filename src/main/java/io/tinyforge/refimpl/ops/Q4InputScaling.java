package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.ir.ModelException;

/**
 * The int8 input rescaling shared by TFLM's LOGISTIC and TANH prepare: input_scale * 2^27 split by
 * {@code frexp} into a Q0.31 multiplier and a shift (so that (x - zp) becomes Q4.27), and the input radius
 * beyond which the function saturates.
 *
 * @param multiplier  round(q * 2^31) for the frexp mantissa q, cast to int32 as TFLM does (no renormalizing)
 * @param shift       frexp exponent, a left shift
 * @param rangeRadius {@code CalculateInputRadius(4, shift, 31)}
 */
record Q4InputScaling(int multiplier, int shift, int rangeRadius) {

    static final int INPUT_INTEGER_BITS = 4;

    static Q4InputScaling of(String where, float inputScale) {
        double real = (double) inputScale * (double) (1 << (31 - INPUT_INTEGER_BITS));
        if (!(real > 0) || Double.isInfinite(real)) {
            throw new ModelException(where + ": input scale " + inputScale + " is not usable");
        }
        int shift = Math.getExponent(real) + 1; // frexp: real = q * 2^shift, q in [0.5, 1)
        double q = real / Math.pow(2.0, shift);
        if (shift < 0 || shift > 30) {
            throw new ModelException(where + ": input scale " + inputScale + " is outside the supported range"
                    + " [2^-28, 8)");
        }
        int multiplier = (int) QuantizedMultiplier.roundHalfAway(q * (1L << 31));
        return new Q4InputScaling(multiplier, shift, SoftmaxKernel.calculateInputRadius(INPUT_INTEGER_BITS, shift));
    }
}
