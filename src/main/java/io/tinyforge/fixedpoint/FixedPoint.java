package io.tinyforge.fixedpoint;

/**
 * The integer primitives TFLite, TFLM and gemmlowp share, bit-exact with their C++ definitions.
 * Every method is pure and works on Java ints and longs with C's wrap-around and truncation semantics.
 */
public final class FixedPoint {

    private FixedPoint() {
    }

    /** gemmlowp {@code SaturatingRoundingDoublingHighMul}. */
    public static int srdhm(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
        return (int) ((ab + nudge) / (1L << 31)); // Java long division truncates like C
    }

    /** gemmlowp {@code RoundingDivideByPOT}: arithmetic right shift rounding half away from zero. */
    public static int rdbpot(int x, int exponent) {
        if (exponent < 0 || exponent > 31) {
            throw new IllegalArgumentException("exponent " + exponent);
        }
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /** TFLite {@code MultiplyByQuantizedMultiplier(int32, int32, int)} in the chosen rounding mode. */
    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift, Rounding rounding) {
        if (rounding == Rounding.SINGLE) {
            // TFLITE_SINGLE_ROUNDING: shift in [-31, 30]
            int totalShift = 31 - shift;
            long round = 1L << (totalShift - 1);
            long result = (long) x * (long) multiplier + round;
            return (int) (result >> totalShift);
        }
        int left = shift > 0 ? shift : 0;
        int right = shift > 0 ? 0 : -shift;
        return rdbpot(srdhm(x * (1 << left), multiplier), right);
    }

    /** TFLite {@code MultiplyByQuantizedMultiplierSmallerThanOneExp} (double rounding always). */
    public static int multiplyByQuantizedMultiplierSmallerThanOneExp(int x, int multiplier, int leftShift) {
        return rdbpot(srdhm(x, multiplier), -leftShift);
    }

    /** TFLite {@code MultiplyByQuantizedMultiplierGreaterThanOne} (double rounding always). */
    public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift) {
        return srdhm(x * (1 << leftShift), multiplier);
    }

    /** Saturates to int8. */
    public static int clampInt8(int v) {
        return Math.max(-128, Math.min(127, v));
    }

    /** Saturates to int16. */
    public static int clampInt16(int v) {
        return Math.max(-32768, Math.min(32767, v));
    }

    /** C's {@code roundf}/{@code std::round} on a float: half away from zero. */
    public static int roundHalfAway(float x) {
        return (int) (x < 0 ? -Math.floor(-(double) x + 0.5) : Math.floor((double) x + 0.5));
    }
}
