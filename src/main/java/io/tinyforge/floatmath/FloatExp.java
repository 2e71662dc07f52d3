package io.tinyforge.floatmath;

/**
 * The float32 exponential used by every float kernel (SOFTMAX, LOGISTIC, TANH), written so that Java and the
 * C twin {@code tfg_expf} in {@code runtime-c/include/tfg_float.h} agree bit for bit: only float32 +, -, *
 * (no fused multiply-add; the C is compiled with {@code -ffp-contract=off}) and exact integer/bit steps.
 *
 * <p>Algorithm (Cody–Waite range reduction, Cephes-style minimax polynomial): {@code n = nearest(x·log2 e)},
 * {@code r = x - n·ln2} with ln2 split into a high part exact in 16 bits and a low correction, then
 * {@code e^r ≈ 1 + r + r²·P(r)} with a degree-5 P, scaled by 2^n built from its bits. Error about 1 ulp against
 * the true exp on [-87.3, 88.7]; below -87.33654 (where e^x leaves the normal range) the result is 0, above
 * 88.72283 it is +infinity, NaN gives NaN.
 */
public final class FloatExp {
    /** Largest argument whose exponential is finite. */
    public static final float MAX_ARG = 88.72283f;
    /** Smallest argument whose exponential is a normal float; anything lower gives 0. */
    public static final float MIN_ARG = -87.33654f;
    static final float LOG2E = 1.44269504088896341f;
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float P0 = 1.9875691500e-4f;
    static final float P1 = 1.3981999507e-3f;
    static final float P2 = 8.3334519073e-3f;
    static final float P3 = 4.1665795894e-2f;
    static final float P4 = 1.6666665459e-1f;
    static final float P5 = 5.0000001201e-1f;

    private FloatExp() {
    }

    /** e^x in float32, the same bits as the C {@code tfg_expf}. */
    public static float exp(float x) {
        if (x != x) {
            return x;
        }
        if (x > MAX_ARG) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < MIN_ARG) {
            return 0f;
        }
        float t = x * LOG2E;
        int n = (int) (t >= 0f ? t + 0.5f : t - 0.5f); // round half away from zero, truncating cast
        float fn = (float) n;
        float r = x - fn * LN2_HI;
        r = r - fn * LN2_LO;
        float p = P0;
        p = p * r + P1;
        p = p * r + P2;
        p = p * r + P3;
        p = p * r + P4;
        p = p * r + P5;
        float y = p * (r * r) + r + 1f;
        // 2^n for n in [-126, 128], applied as two factors so that n = 128 does not overflow the exponent field
        int n1 = n / 2;
        int n2 = n - n1;
        y = y * Float.intBitsToFloat((n1 + 127) << 23);
        return y * Float.intBitsToFloat((n2 + 127) << 23);
    }
}
