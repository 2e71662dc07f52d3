package io.tinyforge.fixedpoint;

/**
 * gemmlowp's fixed-point hyperbolic tangent, bit-exact with {@code gemmlowp::tanh}: for x &lt; 0,
 * -tanh(x) = (1 - exp(2x)) / (1 + exp(2x)), mirrored for positive x. Result in Q0.31.
 */
public final class GemmlowpTanh {

    private GemmlowpTanh() {
    }

    /** tanh(a) for a raw value with {@code integerBits} integer bits; the result is Q0.31. */
    public static int tanh(int a, int integerBits) {
        if (a == 0) {
            return 0;
        }
        boolean negative = a < 0;
        int n = negative ? a : -a;
        // exp(2n): the same raw value read with one more integer bit (gemmlowp ExactMulByPot<1>)
        int t = GemmlowpReciprocal.oneMinusXOverOnePlusXForXIn01(
                GemmlowpExp.expOnNegativeValues(n, integerBits + 1));
        return negative ? -t : t;
    }
}
