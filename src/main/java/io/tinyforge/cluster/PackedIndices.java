package io.tinyforge.cluster;

/**
 * The codebook layout of the generated C: indices are stored {@link #width(int)} bits each (1, 2, 4 or 8, so an
 * index never straddles a byte), little-endian inside a byte: element i sits in bits
 * [(i % (8 / width)) * width, +width) of byte i / (8 / width).
 */
public final class PackedIndices {

    private PackedIndices() {
    }

    /** Bits needed to tell {@code distinct} values apart (0 for one value). */
    public static int bitsFor(int distinct) {
        int b = 0;
        while ((1 << b) < distinct) {
            b++;
        }
        return b;
    }

    /** The stored index width for {@code bits}-bit indices: the next of 1, 2, 4, 8. */
    public static int width(int bits) {
        if (bits <= 1) {
            return 1;
        }
        if (bits <= 2) {
            return 2;
        }
        if (bits <= 4) {
            return 4;
        }
        if (bits <= 8) {
            return 8;
        }
        throw new IllegalArgumentException("indices wider than 8 bits are not supported: " + bits);
    }

    /** Bytes of {@code n} packed indices of {@code width} bits. */
    public static long bytes(long n, int width) {
        long perByte = 8 / width;
        return (n + perByte - 1) / perByte;
    }

    /** Packs {@code idx} (each in [0, 2^width)) at {@code width} bits each. */
    public static byte[] pack(int[] idx, int width) {
        int perByte = 8 / width;
        int mask = (1 << width) - 1;
        byte[] out = new byte[(int) bytes(idx.length, width)];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] > mask) {
                throw new IllegalArgumentException("index " + idx[i] + " does not fit " + width + " bits");
            }
            out[i / perByte] |= (byte) (idx[i] << ((i % perByte) * width));
        }
        return out;
    }

    /** Index {@code i} of a packed array (the inverse of {@link #pack}). */
    public static int get(byte[] packed, int i, int width) {
        int perByte = 8 / width;
        return ((packed[i / perByte] & 0xff) >> ((i % perByte) * width)) & ((1 << width) - 1);
    }
}
