package io.tinyforge.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.fixtures.SplitMix64;
import org.junit.jupiter.api.Test;

class SparseLayoutTest {

    @Test
    void handWorkedRowsGiveGapsFillersAndRowStarts() {
        // row 0: weights at 1 and 20 (gap 1, then 18 zeros = one filler of 15 + gap 2); row 1: all zero;
        // row 2: weight at 0
        byte[] w = new byte[3 * 24];
        w[1] = 5;
        w[20] = -7;
        w[48] = 9;
        SparseLayout s = SparseLayout.values(w, 3);
        assertArrayEquals(new int[] {0, 3, 3, 4}, s.rowStart());
        assertEquals(1, s.gap(0));
        assertEquals(5, s.weight(0));
        assertEquals(15, s.gap(1));
        assertEquals(0, s.weight(1), "filler");
        assertEquals(2, s.gap(2)); // filler lands on 17, next weight 20 = 17 + 2 + 1
        assertEquals(-7, s.weight(2));
        assertEquals(0, s.gap(3));
        assertArrayEquals(new byte[] {(byte) 0xF1, 0x02}, s.packedEntries(), "gaps low nibble first");
        assertEquals(2 * 4 + 2 + 4, s.bytes(), "row starts + packed gaps + values");
        assertArrayEquals(w, s.decode());
    }

    @Test
    void randomSparseFiltersRoundTripInBothVariants() {
        SplitMix64 rng = new SplitMix64(11);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + (int) (rng.nextDouble() * 12);
            int len = 1 + (int) (rng.nextDouble() * 300);
            double density = rng.nextDouble() * 0.5;
            byte[] w = new byte[rows * len];
            for (int i = 0; i < w.length; i++) {
                if (rng.nextDouble() < density) {
                    w[i] = (byte) ((rng.nextDouble() < 0.5 ? -1 : 1) * (1 + (int) (rng.nextDouble() * 7)));
                }
            }
            SparseLayout v = SparseLayout.values(w, rows);
            assertArrayEquals(w, v.decode(), "values variant trial " + trial);
            for (int e = 0; e < v.entries(); e++) {
                assertTrue(v.gap(e) >= 0 && v.gap(e) <= 15, "trial " + trial + " entry " + e);
            }
            SparseLayout c = SparseLayout.codebook(w, rows);
            assertNotNull(c, "at most 14 distinct non-zero values fit a per-tensor codebook");
            assertEquals(0, c.stride());
            assertArrayEquals(w, c.decode(), "codebook variant trial " + trial);
            byte[] packed = c.packedEntries();
            byte[] cb = c.codebook();
            for (int e = 0; e < c.entries(); e++) {
                assertEquals(c.gap(e), packed[e] & 15, "gap nibble, trial " + trial + " entry " + e);
                assertEquals(c.weight(e), cb[(packed[e] & 0xFF) >> 4], "codebook index, trial " + trial + " entry " + e);
            }
        }
    }

    @Test
    void perChannelCodebookWhenTheTensorHasTooManyValues() {
        byte[] w = new byte[4 * 32];
        for (int r = 0; r < 4; r++) {
            for (int j = 0; j < 10; j++) {
                w[r * 32 + 3 * j] = (byte) (r * 10 + j + 1); // 40 distinct values, 10 per row
            }
        }
        SparseLayout c = SparseLayout.codebook(w, 4);
        assertNotNull(c);
        assertEquals(11, c.stride(), "ten values plus zero per row");
        assertArrayEquals(w, c.decode());
        w[5] = 100;
        w[7] = 101;
        w[8] = 102;
        w[10] = 103;
        w[11] = 104;
        w[13] = 105;
        assertNull(SparseLayout.codebook(w, 4), "row 0 now has 16 non-zero values + zero");
    }

    @Test
    void tooManyEntriesForUint16RowStartsIsRefused() {
        byte[] w = new byte[70000];
        java.util.Arrays.fill(w, (byte) 1);
        assertNull(SparseLayout.values(w, 1));
    }
}
