package io.tinyforge.fixedpoint;

/**
 * A real multiplier m represented as {@code multiplier * 2^(shift - 31)} with multiplier in [2^30, 2^31-1]
 * (or 0). A positive shift is a left shift. Computed exactly as TFLite's {@code QuantizeMultiplier}.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    public static final QuantizedMultiplier ZERO = new QuantizedMultiplier(0, 0);

    /** TFLite {@code QuantizeMultiplier(double)}, for the given rounding mode. */
    public static QuantizedMultiplier of(double m, Rounding rounding) {
        if (Double.isNaN(m) || Double.isInfinite(m)) {
            throw new IllegalArgumentException("multiplier is not finite: " + m);
        }
        if (m == 0.0) {
            return ZERO;
        }
        int shift = Math.getExponent(m) + 1; // frexp: m = q * 2^shift, q in [0.5, 1)
        double q = m / Math.pow(2.0, shift);
        if (Double.isInfinite(Math.pow(2.0, shift)) || q == 0 || Double.isNaN(q)) {
            // subnormal or huge: fall back to a stepwise frexp
            return frexpSlow(m, rounding);
        }
        return fromFraction(q, shift, rounding);
    }

    /** Double-rounding default, as in TFLM. */
    public static QuantizedMultiplier of(double m) {
        return of(m, Rounding.DOUBLE);
    }

    private static QuantizedMultiplier frexpSlow(double m, Rounding rounding) {
        int shift = 0;
        double q = Math.abs(m);
        while (q >= 1.0) {
            q /= 2;
            shift++;
        }
        while (q < 0.5) {
            q *= 2;
            shift--;
        }
        return fromFraction(Math.copySign(q, m), shift, rounding);
    }

    private static QuantizedMultiplier fromFraction(double q, int shift, Rounding rounding) {
        long qFixed = roundHalfAway(q * (1L << 31));
        if (qFixed == (1L << 31)) {
            qFixed /= 2;
            shift++;
        }
        if (shift < -31) {
            return ZERO;
        }
        if (rounding == Rounding.SINGLE && shift > 30) {
            return new QuantizedMultiplier(Integer.MAX_VALUE, 30);
        }
        return new QuantizedMultiplier((int) qFixed, shift);
    }

    /** TFLite {@code QuantizeMultiplierSmallerThanOneExp}: m in (0, 1), shift returned is &lt;= 0. */
    public static QuantizedMultiplier smallerThanOne(double m, Rounding rounding) {
        if (!(m > 0.0 && m < 1.0)) {
            throw new IllegalArgumentException("multiplier must be in (0,1): " + m);
        }
        QuantizedMultiplier q = of(m, rounding);
        if (q.shift > 0) {
            throw new IllegalArgumentException("shift > 0 for " + m);
        }
        return q;
    }

    /** TFLite {@code QuantizeMultiplierGreaterThanOne}: m &gt; 1, shift returned is &gt;= 0. */
    public static QuantizedMultiplier greaterThanOne(double m, Rounding rounding) {
        QuantizedMultiplier q = of(m, rounding);
        if (q.shift < 0) {
            throw new IllegalArgumentException("shift < 0 for " + m);
        }
        return q;
    }

    /** C's {@code std::round}: half away from zero. */
    public static long roundHalfAway(double x) {
        return (long) (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5));
    }

    /** Rescales {@code x} by this multiplier in the given rounding mode. */
    public int apply(int x, Rounding rounding) {
        return FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift, rounding);
    }
}
