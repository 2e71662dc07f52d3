package io.tinyforge.fixedpoint;

/**
 * gemmlowp's fixed-point divisions on (0, 1): {@code one_over_one_plus_x_for_x_in_0_1} and
 * {@code one_minus_x_over_one_plus_x_for_x_in_0_1}, both by three Newton-Raphson steps on the half
 * denominator (1 + x) / 2 starting from 48/17 - 32/17 d, in Q2.29. Inputs and results are Q0.31.
 */
public final class GemmlowpReciprocal {

    /** 48/17 in Q2.29. */
    static final int FORTY_EIGHT_OVER_SEVENTEEN = 1515870810;
    /** -32/17 in Q2.29. */
    static final int MINUS_THIRTY_TWO_OVER_SEVENTEEN = -1010580540;

    private GemmlowpReciprocal() {
    }

    /** 1 / (1 + a) for a in [0, 1), Q0.31 in and out. */
    public static int oneOverOnePlusXForXIn01(int a) {
        int x = newtonReciprocalOfHalfDenominator(a);
        // x is 2 / (1 + a) in Q2.29; halve exactly (now Q1.30) and rescale to Q0.31
        return GemmlowpFixed.rescale(x, 1, 0);
    }

    /** (1 - a) / (1 + a) for a in [0, 1), Q0.31 in and out. */
    public static int oneMinusXOverOnePlusXForXIn01(int a) {
        int x = newtonReciprocalOfHalfDenominator(a);
        return GemmlowpFixed.rescale(x - GemmlowpFixed.one(2), 2, 0);
    }

    /** 1 / ((1 + a) / 2) in Q2.29. */
    private static int newtonReciprocalOfHalfDenominator(int a) {
        int halfDenominator = GemmlowpFixed.roundingHalfSum(a, GemmlowpFixed.one(0)); // Q0.31
        int x = FORTY_EIGHT_OVER_SEVENTEEN + GemmlowpFixed.mul(halfDenominator, MINUS_THIRTY_TWO_OVER_SEVENTEEN);
        int oneQ2 = GemmlowpFixed.one(2);
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = GemmlowpFixed.mul(halfDenominator, x); // Q2.29
            int oneMinus = oneQ2 - halfDenominatorTimesX;                       // Q2.29
            x = x + GemmlowpFixed.rescale(GemmlowpFixed.mul(x, oneMinus), 4, 2);
        }
        return x;
    }
}
