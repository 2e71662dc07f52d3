package io.tinyforge.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedIndicesTest {

    @Test
    void littleEndianInsideAByte() {
        // element i at bits (i % 4) * 2 of byte i / 4: 1 | 2 << 2 | 3 << 4 | 0 << 6 = 0x39, then 3 -> 0x03
        assertArrayEquals(new byte[] {0x39, 0x03}, PackedIndices.pack(new int[] {1, 2, 3, 0, 3}, 2));
        assertArrayEquals(new byte[] {(byte) 0xA5}, PackedIndices.pack(new int[] {5, 10}, 4));
    }

    @Test
    void everyWidthRoundTrips() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int width : new int[] {1, 2, 4, 8}) {
            int[] idx = new int[37];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = rnd.nextInt(1 << width);
            }
            byte[] p = PackedIndices.pack(idx, width);
            assertEquals(PackedIndices.bytes(idx.length, width), p.length, "width " + width);
            for (int i = 0; i < idx.length; i++) {
                assertEquals(idx[i], PackedIndices.get(p, i, width), "width " + width + " element " + i);
            }
        }
    }

    @Test
    void widthsRoundUpToOneTwoFourEight() {
        int[] expect = {1, 1, 2, 4, 4, 8, 8, 8, 8};
        for (int bits = 0; bits <= 8; bits++) {
            assertEquals(expect[bits], PackedIndices.width(bits), "bits " + bits);
        }
        assertEquals(0, PackedIndices.bitsFor(1));
        assertEquals(4, PackedIndices.bitsFor(16));
        assertEquals(5, PackedIndices.bitsFor(17));
    }
}
