package io.tinyforge.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Byte-by-byte comparison that names where the first mismatches are. */
public final class Bytes {
    private Bytes() {
    }

    /**
     * Fails unless {@code actual} equals {@code expected} byte for byte; the message names {@code where}
     * (model, layer, vector), the element width, the first mismatching indices and their values.
     */
    public static void assertSame(String where, byte[] expected, byte[] actual, int elementSize) {
        if (expected.length != actual.length) {
            fail(where + ": length " + actual.length + " != expected " + expected.length);
        }
        StringBuilder sb = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < expected.length; i += elementSize) {
            long e = value(expected, i, elementSize);
            long a = value(actual, i, elementSize);
            if (e != a) {
                if (bad < 8) {
                    sb.append(" [").append(i / elementSize).append("] expected ").append(e).append(" got ").append(a);
                }
                bad++;
            }
        }
        if (bad > 0) {
            fail(where + ": " + bad + " of " + expected.length / elementSize + " elements differ:" + sb);
        }
    }

    private static long value(byte[] b, int off, int size) {
        long v = 0;
        for (int k = size - 1; k >= 0; k--) {
            v = (v << 8) | (b[off + k] & 0xff);
        }
        int bits = 8 * size;
        return (v << (64 - bits)) >> (64 - bits);
    }
}
