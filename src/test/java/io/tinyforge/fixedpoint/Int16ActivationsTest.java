package io.tinyforge.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Int16ActivationsTest {

    @Test
    void sigmoidTableIsSigmoidOfIOver24InQ016WithinTwoUnits() {
        assertEquals(256, Int16Activations.sigmoidTableSize());
        for (int i = 0; i < 256; i++) {
            double exact = 65536.0 / (1.0 + Math.exp(-i / 24.0));
            int v = Int16Activations.sigmoidTable(i);
            assertTrue(Math.abs(v - exact) <= 2.0, "entry " + i + " = " + v + ", sigmoid gives " + exact);
            if (i > 0) {
                assertTrue(v >= Int16Activations.sigmoidTable(i - 1), "table not monotone at " + i);
            }
        }
    }

    /** Q3.12 in, Q0.15 out: within 2 LSB of double sigmoid over every int16 input. */
    @Test
    void sigmoidOfQ312MatchesDoubleMathOverTheWholeInt16Range() {
        int worst = 0;
        for (int x = -32768; x <= 32767; x++) {
            int q = Int16Activations.sigmoid(x, 0, 0);
            double exact = 32768.0 / (1.0 + Math.exp(-x / 4096.0));
            assertTrue(q >= 0 && q <= 32767, "sigmoid(" + x + ") = " + q);
            worst = Math.max(worst, (int) Math.ceil(Math.abs(q - exact)));
        }
        assertTrue(worst <= 2, "worst sigmoid error " + worst + " LSB");
    }

    @Test
    void tanhOfQ312MatchesDoubleMathOverTheWholeInt16Range() {
        int worst = 0;
        for (int x = -32768; x <= 32767; x++) {
            int q = Int16Activations.tanh(x, 0, 0);
            double exact = 32768.0 * Math.tanh(x / 4096.0);
            assertTrue(q >= -32768 && q <= 32767, "tanh(" + x + ") = " + q);
            worst = Math.max(worst, (int) Math.ceil(Math.abs(q - exact)));
        }
        assertTrue(worst <= 2, "worst tanh error " + worst + " LSB");
    }

    @Test
    void sigmoidIsPointSymmetricAroundHalfAndTanhIsOdd() {
        for (int x = 1; x < 32768; x += 7) {
            int s = Int16Activations.sigmoid(x, 0, 0) + Int16Activations.sigmoid(-x, 0, 0);
            assertTrue(Math.abs(s - 32768) <= 1, "sigmoid(" + x + ") + sigmoid(-" + x + ") = " + s);
            int t = Int16Activations.tanh(x, 0, 0) + Int16Activations.tanh(-x, 0, 0);
            assertTrue(Math.abs(t) <= 1, "tanh(" + x + ") + tanh(-" + x + ") = " + t);
        }
    }

    /** A Q(15+p) cell state: tanh of the real value, for powers -11 (left shift), -12 (none) and -15 (right). */
    @Test
    void tanhInputScalingFollowsTheScalePower() {
        assertArrayEquals(new int[] {0, 0}, Int16Activations.tanhInputScaling(-12));
        assertArrayEquals(new int[] {0, 1}, Int16Activations.tanhInputScaling(-11));
        assertArrayEquals(new int[] {3, 3}, Int16Activations.tanhInputScaling(-15));
        for (int p : new int[] {-11, -12, -13, -15}) {
            int[] s = Int16Activations.tanhInputScaling(p);
            for (int x = -3000; x <= 3000; x += 37) {
                double real = x * Math.pow(2, p);
                if (Math.abs(real) >= 7.5) {
                    continue;
                }
                int q = Int16Activations.tanh(x, s[0], s[1]);
                double exact = 32768.0 * Math.tanh(real);
                assertTrue(Math.abs(q - exact) <= 3, "p=" + p + " x=" + x + ": " + q + " vs " + exact);
            }
        }
    }
}
