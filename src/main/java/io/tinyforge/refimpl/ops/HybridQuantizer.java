package io.tinyforge.refimpl.ops;

/**
 * TFLite's on-the-fly input quantization of hybrid kernels ({@code tensor_utils::SymmetricQuantizeFloats}),
 * mirrored by {@code tfg_hybrid_quantize_s8.c}: range = max(|min|, |max|) of the row; range 0 gives all-zero
 * values and scaling factor 1; else factor = range / 127, q = clamp(round_half_away(127 / range * x), -127, 127).
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
