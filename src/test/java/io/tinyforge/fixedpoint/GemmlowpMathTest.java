package io.tinyforge.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The gemmlowp fixed-point helpers against double-precision math, within their precision (the Taylor
 * remainder of exp; a few Q0.31 / Q2.29 ulps for the Newton-Raphson divisions), plus exact values at the
 * points where gemmlowp defines them exactly.
 */
class GemmlowpMathTest {
    private static final double Q31 = 1L << 31;
    /**
     * exp on [-1/4, 0) is a 4th-order Taylor polynomial around -1/8: its remainder is at most
     * (1/8)^5 / 5! = 2.5e-7, plus a few Q0.31 rounding steps.
     */
    private static final double TAYLOR_BOUND = Math.pow(0.125, 5) / 120 + 16 / Q31;

    private static double q(int raw, int integerBits) {
        return raw / (double) (1L << (31 - integerBits));
    }

    @Test
    void expOnNegativeValuesIsCloseToExpOverWholeQ5Range() {
        double worst = 0;
        Random rnd = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            int a = i < 1000 ? -i : -(rnd.nextInt() & 0x7fffffff); // Q5.26 in [-32, 0]
            double got = GemmlowpExp.expOnNegativeValues(a, 5) / Q31;
            worst = Math.max(worst, Math.abs(got - Math.exp(q(a, 5))));
        }
        assertTrue(worst < TAYLOR_BOUND, "worst |error| " + worst);
    }

    @Test
    void expOfZeroIsLargestQ0Value() {
        assertEquals(Integer.MAX_VALUE, GemmlowpExp.expOnNegativeValues(0, 5));
        assertEquals(Integer.MAX_VALUE, GemmlowpExp.expOnNegativeValues(0, 4));
    }

    @Test
    void expBelowMinusThirtyTwoIsZeroWithManyIntegerBits() {
        // -33.0 in Q6.25 is below the -32 clamp gemmlowp applies when there are more than 5 integer bits
        assertEquals(0, GemmlowpExp.expOnNegativeValues(-33 << 25, 6));
    }

    @Test
    void expOnIntervalMatchesExpOnMinusQuarterToZero() {
        double worst = 0;
        for (int a = -(1 << 29); a < 0; a += 997) {
            double got = GemmlowpExp.expOnIntervalBetweenNegativeOneQuarterAnd0Excl(a) / Q31;
            worst = Math.max(worst, Math.abs(got - Math.exp(a / Q31)));
        }
        assertTrue(worst < TAYLOR_BOUND, "worst |error| " + worst);
    }

    @Test
    void oneOverOnePlusXIsCloseToReciprocal() {
        double worst = 0;
        for (long a = 0; a < (1L << 31); a += 65537) {
            double x = a / Q31;
            double got = GemmlowpReciprocal.oneOverOnePlusXForXIn01((int) a) / Q31;
            worst = Math.max(worst, Math.abs(got - 1 / (1 + x)));
        }
        assertTrue(worst < 8 / Q31, "worst |error| " + worst);
    }

    @Test
    void oneMinusXOverOnePlusXIsClose() {
        double worst = 0;
        for (long a = 0; a < (1L << 31); a += 65537) {
            double x = a / Q31;
            double got = GemmlowpReciprocal.oneMinusXOverOnePlusXForXIn01((int) a) / Q31;
            worst = Math.max(worst, Math.abs(got - (1 - x) / (1 + x)));
        }
        assertTrue(worst < 16 / Q31, "worst |error| " + worst);
    }

    @Test
    void tanhIsCloseOddAndZeroAtZero() {
        assertEquals(0, GemmlowpTanh.tanh(0, 4));
        double worst = 0;
        for (long a = -(1L << 31); a < (1L << 31); a += 40_009) {
            int raw = (int) a;
            double got = GemmlowpTanh.tanh(raw, 4) / Q31;
            worst = Math.max(worst, Math.abs(got - Math.tanh(q(raw, 4))));
            if (raw != Integer.MIN_VALUE) {
                assertEquals(-GemmlowpTanh.tanh(raw, 4), GemmlowpTanh.tanh(-raw, 4), "odd at " + raw);
            }
        }
        assertTrue(worst < TAYLOR_BOUND, "worst |error| " + worst);
    }

    @Test
    void logisticIsCloseSymmetricAndHalfAtZero() {
        assertEquals(1 << 30, GemmlowpLogistic.logistic(0, 4));
        double worst = 0;
        for (long a = -(1L << 31) + 1; a < (1L << 31); a += 40_009) {
            int raw = (int) a;
            double got = GemmlowpLogistic.logistic(raw, 4) / Q31;
            worst = Math.max(worst, Math.abs(got - 1 / (1 + Math.exp(-q(raw, 4)))));
            // logistic(x) + logistic(-x) = 1, i.e. the largest Q0.31 value
            assertEquals(Integer.MAX_VALUE, GemmlowpLogistic.logistic(raw, 4) + GemmlowpLogistic.logistic(-raw, 4),
                    "symmetry at " + raw);
        }
        assertTrue(worst < TAYLOR_BOUND, "worst |error| " + worst);
    }

    @Test
    void scaledReciprocalInvertsQ12Sums() {
        Random rnd = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            int x = (1 << 19) + rnd.nextInt(1 << 29); // Q12.19 in [1, 1025)
            ScaledReciprocal r = ScaledReciprocal.of(x, 12);
            double value = r.scale() / Q31 / Math.pow(2, r.numBitsOverUnit());
            double expected = 1 / q(x, 12);
            assertTrue(Math.abs(value - expected) <= expected * 16 / Q31,
                    "1/" + q(x, 12) + " = " + expected + " got " + value);
        }
        assertEquals(0, ScaledReciprocal.of(1 << 19, 12).numBitsOverUnit());
        assertEquals(3, ScaledReciprocal.of(1 << 22, 12).numBitsOverUnit());
    }

    @Test
    void saturatingMultiplyByPotSaturatesAndRounds() {
        assertEquals(Integer.MAX_VALUE, GemmlowpFixed.saturatingRoundingMultiplyByPot(1 << 29, 2));
        assertEquals(Integer.MIN_VALUE, GemmlowpFixed.saturatingRoundingMultiplyByPot(-(1 << 29) - 1, 2));
        assertEquals(-(1 << 30), GemmlowpFixed.saturatingRoundingMultiplyByPot(-(1 << 28), 2));
        assertEquals(2, GemmlowpFixed.saturatingRoundingMultiplyByPot(6, -2)); // 1.5 rounds away from zero
        assertEquals(-2, GemmlowpFixed.saturatingRoundingMultiplyByPot(-6, -2));
        assertEquals(3, GemmlowpFixed.roundingHalfSum(2, 3));
        assertEquals(-3, GemmlowpFixed.roundingHalfSum(-2, -3));
        assertEquals(Integer.MAX_VALUE, GemmlowpFixed.roundingHalfSum(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }
}
