package io.tinyforge.fixedpoint;

/**
 * The small gemmlowp {@code FixedPoint<int32_t, N>} primitives the transcendental helpers are built from. A
 * fixed-point value is its raw int32; a value with N integer bits represents {@code raw / 2^(31 - N)}.
 */
public final class GemmlowpFixed {

    private GemmlowpFixed() {
    }

    /**
     * gemmlowp {@code SaturatingRoundingMultiplyByPOT<exponent>}: for a positive exponent a left shift that
     * saturates to the int32 range, for a negative one a rounding (half away from zero) right shift.
     */
    public static int saturatingRoundingMultiplyByPot(int x, int exponent) {
        if (exponent == 0) {
            return x;
        }
        if (exponent < 0) {
            return FixedPoint.rdbpot(x, -exponent);
        }
        int threshold = (1 << (31 - exponent)) - 1;
        if (x > threshold) {
            return Integer.MAX_VALUE;
        }
        if (x < -threshold) {
            return Integer.MIN_VALUE;
        }
        return x * (1 << exponent);
    }

    /** gemmlowp {@code Rescale<dst>} of a value with {@code srcIntegerBits} integer bits. */
    public static int rescale(int raw, int srcIntegerBits, int dstIntegerBits) {
        return saturatingRoundingMultiplyByPot(raw, srcIntegerBits - dstIntegerBits);
    }

    /** gemmlowp {@code RoundingHalfSum}: (a + b) / 2 rounded half away from zero, without overflow. */
    public static int roundingHalfSum(int a, int b) {
        long sum = (long) a + (long) b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2);
    }

    /** Raw value of 1.0 with the given integer bits; with none it is the largest value below 1. */
    public static int one(int integerBits) {
        return integerBits == 0 ? Integer.MAX_VALUE : 1 << (31 - integerBits);
    }

    /** Raw value of {@code 2^exponent} with the given integer bits (gemmlowp {@code ConstantPOT}). */
    public static int constantPot(int integerBits, int exponent) {
        return 1 << (31 - integerBits + exponent);
    }

    /** Fixed-point product: a value with {@code na + nb} integer bits (gemmlowp {@code operator*}). */
    public static int mul(int a, int b) {
        return FixedPoint.srdhm(a, b);
    }
}
