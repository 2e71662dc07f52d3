package io.tinyforge.quantize;

/**
 * The TFLite quantization formulas, in float32 arithmetic as the converter computes them: asymmetric int8
 * activations (legacy {@code GetAsymmetricQuantizationParams}), symmetric per-channel int8 weights and int32
 * biases scaled by input scale times weight scale.
 */
public final class QuantRules {
    static final int QMIN = -128;
    static final int QMAX = 127;

    private QuantRules() {
    }

    /** std::round on a float: half away from zero. */
    static float round(float x) {
        return (float) Math.copySign(Math.floor(Math.abs((double) x) + 0.5), x);
    }

    /**
     * Asymmetric int8 parameters of [min, max]: the range is widened to contain 0, scale = (max - min) / 255,
     * zero point = round(-128 - min / scale) clamped to [-128, 127]. A degenerate [0, 0] gets scale 1/255 (any
     * positive scale represents 0 exactly).
     */
    public static Affine asymmetric(float min, float max) {
        if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
        min = Math.min(min, 0f);
        max = Math.max(max, 0f);
        float scale = (max - min) / (float) (QMAX - QMIN);
        if (scale == 0f) {
            return new Affine(1f / 255f, QMIN);
        }
        float zpFromMin = (float) QMIN - min / scale;
        int zp;
        if (zpFromMin < QMIN) {
            zp = QMIN;
        } else if (zpFromMin > QMAX) {
            zp = QMAX;
        } else {
            zp = (int) round(zpFromMin);
        }
        return new Affine(scale, zp);
    }

    /** Quantizes one value with asymmetric int8 parameters (round half away, clamp to [-128, 127]). */
    public static int quantize(float v, Affine a) {
        float q = round(v / a.scale()) + a.zeroPoint();
        return (int) Math.max(QMIN, Math.min(QMAX, q));
    }

    /** Symmetric weight scale of one channel: max|w| / 127 (1 for an all-zero channel). */
    public static float symmetricScale(float maxAbs) {
        float s = maxAbs / 127f;
        return s == 0f ? 1f : s;
    }

    /**
     * Symmetric int8 per-channel quantization of a float weight tensor along {@code axis} of {@code dims}:
     * fills {@code out} and returns the per-channel scales.
     */
    public static float[] quantizePerChannel(float[] w, int[] dims, int axis, byte[] out) {
        int channels = dims[axis];
        int inner = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        float[] maxAbs = new float[channels];
        for (int i = 0; i < w.length; i++) {
            int c = (i / inner) % channels;
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(w[i]));
        }
        float[] scales = new float[channels];
        float[] inv = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = symmetricScale(maxAbs[c]);
            inv[c] = 1f / scales[c];
        }
        for (int i = 0; i < w.length; i++) {
            int c = (i / inner) % channels;
            float q = round(w[i] * inv[c]);
            out[i] = (byte) Math.max(-127, Math.min(127, q));
        }
        return scales;
    }

    /** int32 bias quantization: round(b / (inputScale * weightScale[c])) with the float32 product as scale. */
    public static int[] quantizeBias(float[] b, float inputScale, float[] weightScales, float[] biasScalesOut) {
        int[] q = new int[b.length];
        for (int c = 0; c < b.length; c++) {
            float s = inputScale * weightScales[weightScales.length == 1 ? 0 : c];
            biasScalesOut[c] = s;
            double v = s == 0f ? 0 : Math.floor(Math.abs((double) (b[c] * (1f / s))) + 0.5) * Math.signum(b[c]);
            q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return q;
    }
}
