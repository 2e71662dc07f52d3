package io.tinyforge.fixedpoint;

/**
 * gemmlowp's fixed-point logistic function, bit-exact with {@code gemmlowp::logistic}: for x &gt; 0,
 * 1 / (1 + exp(-x)); for x &lt; 0, one minus that of -x; exactly 1/2 at 0. Result in Q0.31.
 */
public final class GemmlowpLogistic {

    private GemmlowpLogistic() {
    }

    /** logistic(a) for a raw value with {@code integerBits} integer bits; the result is Q0.31. */
    public static int logistic(int a, int integerBits) {
        if (a == 0) {
            return 1 << 30;
        }
        boolean positive = a > 0;
        int abs = positive ? a : -a;
        int ifPositive = GemmlowpReciprocal.oneOverOnePlusXForXIn01(
                GemmlowpExp.expOnNegativeValues(-abs, integerBits));
        return positive ? ifPositive : GemmlowpFixed.one(0) - ifPositive;
    }
}
