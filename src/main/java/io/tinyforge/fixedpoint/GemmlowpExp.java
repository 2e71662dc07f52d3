package io.tinyforge.fixedpoint;

/**
 * gemmlowp's fixed-point exponential for non-positive arguments, bit-exact with
 * {@code gemmlowp::exp_on_negative_values}: exp on [-1/4, 0) by a Taylor expansion around -1/8, then a barrel
 * shifter of exp(-2^k) factors for the integer and upper fractional bits. The result has 0 integer bits
 * (Q0.31); its absolute error is below 2.6e-7 (the Taylor remainder (1/8)^5/5! plus rounding).
 */
public final class GemmlowpExp {

    /** exp(-1/8) in Q0.31. */
    static final int EXP_MINUS_ONE_EIGHTH = 1895147668;
    /** 1/3 in Q0.31. */
    static final int ONE_THIRD = 715827883;
    /** exp(-2^k) in Q0.31 for k = -2 .. 4, the barrel shifter's factors. */
    private static final int[] EXP_MINUS_POW2 = {
        1672461947, // exp(-1/4)
        1302514674, // exp(-1/2)
        790015084,  // exp(-1)
        290630308,  // exp(-2)
        39332535,   // exp(-4)
        720401,     // exp(-8)
        242,        // exp(-16)
    };
    private static final int FIRST_POW2 = -2;

    private GemmlowpExp() {
    }

    /** exp(a) for a in [-1/4, 0), both in Q0.31. */
    public static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        // Taylor expansion around -1/8 in x = a + 1/8
        int x = a + GemmlowpFixed.constantPot(0, -3);
        int x2 = GemmlowpFixed.mul(x, x);
        int x3 = GemmlowpFixed.mul(x2, x);
        int x4 = GemmlowpFixed.mul(x2, x2);
        int x4Over4 = GemmlowpFixed.saturatingRoundingMultiplyByPot(x4, -2);
        int poly = GemmlowpFixed.saturatingRoundingMultiplyByPot(
                GemmlowpFixed.mul(x4Over4 + x3, ONE_THIRD) + x2, -1); // x^4/24 + x^3/6 + x^2/2
        return EXP_MINUS_ONE_EIGHTH + GemmlowpFixed.mul(EXP_MINUS_ONE_EIGHTH, x + poly);
    }

    /**
     * exp(a) for a &lt;= 0 given with {@code integerBits} integer bits; the result is Q0.31 (exp(0) gives the
     * largest Q0.31 value, 1 - 2^-31).
     */
    public static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = GemmlowpFixed.constantPot(integerBits, -2);
        int mask = oneQuarter - 1;
        int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
        int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
                GemmlowpFixed.rescale(aModQuarterMinusOneQuarter, integerBits, 0));
        int remainder = aModQuarterMinusOneQuarter - a;
        for (int i = 0; i < EXP_MINUS_POW2.length; i++) {
            int exponent = FIRST_POW2 + i;
            if (integerBits > exponent) {
                int bit = 1 << (fractionalBits + exponent);
                if ((remainder & bit) != 0) {
                    result = GemmlowpFixed.mul(result, EXP_MINUS_POW2[i]);
                }
            }
        }
        if (integerBits > 5) {
            int clamp = -(1 << (36 - integerBits)); // -32.0
            if (a < clamp) {
                result = 0;
            }
        }
        return a == 0 ? GemmlowpFixed.one(0) : result;
    }
}
