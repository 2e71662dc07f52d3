package io.tinyforge.refimpl.ops;

/**
 * TFLite's on-the-fly input quantization of hybrid kernels, mirrored by {@code tfg_hybrid_quantize_s8.c}.
 * Symmetric ({@code SymmetricQuantizeFloats}): range = max(|min|, |max|) of the row; range 0 gives all-zero
 * values and scaling factor 1; else factor = range / 127, q = clamp(round_half_away(127 / range * x), -127, 127).
 * Asymmetric ({@code AsymmetricQuantizeFloats}): [min(0, min), max(0, max)] mapped onto [-128, 127] in double,
 * zero point nudged into range, factor = (float) scale, q = clamp(round_half_away(zp + x * (1 / factor))).
 */
final class HybridQuantizer {

    private HybridQuantizer() {
    }

    /** Quantizes {@code n} values of {@code x} from {@code off} into {@code q}; returns the scaling factor. */
    static float quantize(float[] x, int off, int n, byte[] q) {
        float mn = x[off];
        float mx = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (v < mn) {
                mn = v;
            }
            if (!(v < mx)) {
                mx = v;
            }
        }
        float amn = mn < 0f ? -mn : mn;
        float amx = mx < 0f ? -mx : mx;
        float range = amn < amx ? amx : amn;
        if (range == 0f) {
            java.util.Arrays.fill(q, 0, n, (byte) 0);
            return 1f;
        }
        float inv = 127f / range;
        for (int i = 0; i < n; i++) {
            int v = roundHalfAway(inv * x[off + i]);
            q[i] = (byte) Math.max(-127, Math.min(127, v));
        }
        return range / 127f;
    }

    /**
     * Asymmetric quantization of {@code n} values from {@code off} into {@code q}; returns the scaling factor and
     * stores the zero point (the offset the kernels subtract) in {@code offset[0]}.
     */
    static float quantizeAsymmetric(float[] x, int off, int n, byte[] q, int[] offset) {
        float mn = x[off];
        float mx = x[off];
        for (int i = 0; i < n; i++) {
            float v = x[off + i];
            if (v < mn) {
                mn = v;
            }
            if (!(v < mx)) {
                mx = v;
            }
        }
        double rmin = mn < 0f ? mn : 0f;
        double rmax = 0f < mx ? mx : 0f;
        if (rmin == rmax) {
            java.util.Arrays.fill(q, 0, n, (byte) 0);
            offset[0] = 0;
            return 1f;
        }
        double scale = (rmax - rmin) / 255.0;
        double zpFromMin = -128.0 - rmin / scale;
        double zpFromMax = 127.0 - rmax / scale;
        double errMin = 128.0 + abs(rmin / scale);
        double errMax = 127.0 + abs(rmax / scale);
        double zp = errMin < errMax ? zpFromMin : zpFromMax;
        int nudged;
        if (zp <= -128.0) {
            nudged = -128;
        } else if (zp >= 127.0) {
            nudged = 127;
        } else {
            int t = (int) zp;
            double f = zp - t;
            nudged = f >= 0.5 ? t + 1 : (f <= -0.5 ? t - 1 : t);
        }
        float sf = (float) scale;
        float inv = 1.0f / sf;
        for (int i = 0; i < n; i++) {
            int v = roundHalfAway((float) nudged + x[off + i] * inv);
            q[i] = (byte) Math.max(-128, Math.min(127, v));
        }
        offset[0] = nudged;
        return sf;
    }

    private static double abs(double v) {
        return v < 0 ? -v : v;
    }

    /** Round to nearest, ties away from zero (C roundf), for |v| &lt; 2^23; written without libm. */
    static int roundHalfAway(float v) {
        int t = (int) v;
        float f = v - (float) t;
        if (f >= 0.5f) {
            t++;
        } else if (f <= -0.5f) {
            t--;
        }
        return t;
    }

    /** Bytes of the C scratch: int8 copy of the input, padded to 4, then one float factor per batch. */
    static long scratchBytes(long batches, long rowSize) {
        return ((batches * rowSize + 3) / 4) * 4 + 4 * batches;
    }
}
