package io.tinyforge.fixedpoint;

/**
 * TFLite {@code GetReciprocal}: 1/x for a positive fixed-point x as a Q0.31 {@code scale} and the number of
 * bits x had above 1.0, so that 1/x = scale * 2^-numBitsOverUnit (scale = 1 / (1 + f) for the normalized
 * mantissa 1 + f of x).
 */
public record ScaledReciprocal(int scale, int numBitsOverUnit) {

    /** The reciprocal of {@code x} (raw, positive) with {@code integerDigits} integer bits. */
    public static ScaledReciprocal of(int x, int integerDigits) {
        int headroomPlusOne = Integer.numberOfLeadingZeros(x);
        int numBitsOverUnit = integerDigits - headroomPlusOne;
        // normalize so the top bit is set, then subtract 1.0 (2^31 as unsigned): f in [0, 1) as Q0.31
        int shiftedSumMinusOne = (x << headroomPlusOne) - Integer.MIN_VALUE;
        return new ScaledReciprocal(GemmlowpReciprocal.oneOverOnePlusXForXIn01(shiftedSumMinusOne),
                numBitsOverUnit);
    }
}
