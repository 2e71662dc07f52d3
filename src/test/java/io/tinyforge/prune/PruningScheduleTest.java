package io.tinyforge.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PruningScheduleTest {

    @Test
    void polynomialDecayFollowsTheCubicAtUpdateSteps() {
        PruningSchedule s = new PruningSchedule(PruningSchedule.Kind.POLYNOMIAL, 0.0, 0.8, 0, 100, 10);
        assertEquals(0.0, s.sparsityAt(0), 1e-12);
        // p = 0.5: 0.8 + (0 - 0.8) * 0.5^3 = 0.7
        assertEquals(0.7, s.sparsityAt(50), 1e-12);
        assertEquals(0.7, s.sparsityAt(59), 1e-12, "held until the next update step");
        // p = 0.6: 0.8 - 0.8 * 0.4^3 = 0.7488
        assertEquals(0.7488, s.sparsityAt(60), 1e-12);
        assertEquals(0.8, s.sparsityAt(100), 1e-12);
        assertEquals(0.8, s.sparsityAt(5000), 1e-12);
        assertTrue(s.updatesAt(10));
        assertFalse(s.updatesAt(11));
        assertFalse(s.updatesAt(110), "no updates after the end step");
    }

    @Test
    void constantScheduleHoldsTheTarget() {
        PruningSchedule s = PruningSchedule.constant(0.9, 100);
        assertEquals(0.9, s.sparsityAt(0), 0);
        assertEquals(0.9, s.sparsityAt(12345), 0);
        assertTrue(s.updatesAt(200));
    }

    @Test
    void maskZeroesExactlyTheSmallestMagnitudesWithTiesByPosition() {
        float[] v = {0.5f, -0.1f, 0.1f, 2f, -3f, 0.1f, 0f, 1f};
        // 50 % of 8 = 4 zeros: 0 (pos 6), then |0.1| at positions 1, 2, 5 (ties by position)
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 0, 0, 1}, MagnitudePruner.mask(v, 0.5));
        // 3 of 8 (0.375): 6, 1, 2
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 1, 0, 1}, MagnitudePruner.mask(v, 0.375));
    }
}
