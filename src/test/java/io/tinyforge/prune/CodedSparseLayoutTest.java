package io.tinyforge.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CodedSparseLayoutTest {

    /**
     * Worked by hand: 2 rows of 4, w = [0, 5, 0, 0 | 0, 0, -3, 5]. Non-zeros at 1, 6, 7 with gaps 1, 4, 0, and the
     * end marker gap 8 - 7 - 1 = 0. Frequencies 5: 2, -3: 1, so both codes have length 1; canonical order by length
     * then value: -3 (code 0), 5 (code 1); counts = [2]. Rice k = 0 (gap g = g one-bits and a zero bit):
     * gap 1 "10", 5 "1", gap 4 "11110", -3 "0", gap 0 "0", 5 "1", end "0" = 12 bits, 2 bytes; k = 1 needs 13 bits,
     * also 2 bytes, and a tie keeps the smaller k. Bits LSB first: 1,0,1,1,1,1,1,0 = 0x7D and 0,0,1,0 = 0x04.
     */
    @Test
    void handWorkedExample() {
        byte[] w = {0, 5, 0, 0, 0, 0, -3, 5};
        CodedSparseLayout c = CodedSparseLayout.of(w, 2);
        assertEquals(0, c.riceK(), c.toString());
        assertEquals(3, c.nonZeros());
        assertEquals(12, c.bitLength());
        assertArrayEquals(new byte[] {0, 1, 2}, c.table(), "k, longest code, counts per length");
        assertArrayEquals(new byte[] {-3, 5}, c.symbols(), "canonical order");
        assertArrayEquals(new byte[] {0x7D, 0x04}, c.bits(), "the stream");
        assertEquals(2 + 3 + 2, c.bytes());
        assertArrayEquals(w, c.decode());
    }

    @Test
    void randomFiltersRoundTripAndSparseOnesBeatOneBytePerNonZero() {
        Random r = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + r.nextInt(12);
            int len = 1 + r.nextInt(90);
            double density = r.nextDouble();
            int distinct = 1 + r.nextInt(r.nextBoolean() ? 15 : 200);
            byte[] w = new byte[rows * len];
            int nz = 0;
            for (int i = 0; i < w.length; i++) {
                if (r.nextDouble() < density) {
                    int v = r.nextInt(distinct) - distinct / 2;
                    w[i] = (byte) (v >= 0 ? v + 1 : v);
                    nz += w[i] != 0 ? 1 : 0;
                }
            }
            CodedSparseLayout c = CodedSparseLayout.of(w, rows);
            if (nz == 0) {
                assertNull(c, "trial " + trial + ": no non-zero weight");
                continue;
            }
            assertArrayEquals(w, c.decode(), "trial " + trial + " " + c);
            assertEquals(nz, c.nonZeros(), "trial " + trial);
            assertEquals((c.bitLength() + 7) / 8, c.bits().length, "trial " + trial);
        }
        // 80 % zeros, 15 clustered values, bell-shaped (as k-means centroids of trained weights are used): well
        // under one byte per non-zero weight (Rice k 2: ~3.7 bits per gap, ~3.4 bits per value)
        byte[] w = new byte[10 * 784];
        int nz = 0;
        for (int i = 0; i < w.length; i++) {
            if (r.nextDouble() < 0.2) {
                w[i] = (byte) ((r.nextInt(8) + r.nextInt(8) - 7) * 9 + 4);
                nz++;
            }
        }
        CodedSparseLayout c = CodedSparseLayout.of(w, 10);
        assertArrayEquals(w, c.decode());
        assertEquals(2, c.riceK(), c.toString());
        assertTrue(c.bytes() < 0.95 * nz, c + " vs " + nz + " non-zeros");
        SparseLayout s = SparseLayout.best(w, 10);
        assertTrue(c.bytes() < s.bytes(), c + " vs " + s);
    }

    @Test
    void refusesEmptyAndIndivisibleFilters() {
        assertNull(CodedSparseLayout.of(new byte[12], 3), "all zero");
        assertNull(CodedSparseLayout.of(new byte[] {1, 2, 3}, 2), "3 weights in 2 rows");
    }
}
