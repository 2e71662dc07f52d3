package io.tinyforge.floatmath;

/**
 * IEEE 754 binary16 ("half") conversions done with integer operations only, mirrored bit for bit by
 * {@code tfg_f16_to_f32} in {@code runtime-c/include/tfg_float.h}. Widening is exact for every half value
 * (subnormals, infinities, NaN payloads included); narrowing rounds to nearest, ties to even.
 */
public final class Float16 {

    private Float16() {
    }

    /** The float32 equal to the half whose bits are the low 16 bits of {@code h}. */
    public static float toFloat(int h) {
        return Float.intBitsToFloat(toFloatBits(h));
    }

    /** The float32 bit pattern of the half {@code h}; written as the C version is. */
    public static int toFloatBits(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return sign | 0x7f800000 | (mant << 13); // infinity or NaN, payload kept
        }
        if (exp != 0) {
            return sign | ((exp + 112) << 23) | (mant << 13); // normal: rebias 15 -> 127
        }
        if (mant == 0) {
            return sign; // signed zero
        }
        // subnormal half: shift the mantissa up until its leading one reaches the implicit bit
        int e = 113;
        while ((mant & 0x400) == 0) {
            mant <<= 1;
            e--;
        }
        return sign | (e << 23) | ((mant & 0x3ff) << 13);
    }

    /** The half nearest to {@code f} (ties to even; overflow to infinity; NaN stays NaN), as 16 bits. */
    public static short fromFloat(float f) {
        int x = Float.floatToRawIntBits(f);
        int sign = (x >>> 16) & 0x8000;
        int exp = (x >>> 23) & 0xff;
        int mant = x & 0x7fffff;
        if (exp == 0xff) {
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign; // below half the smallest subnormal
            }
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rest = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) != 0)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >>> 13);
        int rest = mant & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) != 0)) {
            half++; // may carry into the exponent, up to infinity: still correct
        }
        return (short) (sign | half);
    }
}
