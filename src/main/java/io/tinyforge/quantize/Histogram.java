package io.tinyforge.quantize;

/**
 * A streaming histogram with logarithmic bins: 256 linear sub-bins per octave of |x| from 2^-40 to 2^40 on
 * each side of a zero bin, so every bin is at most 0.4% wide relative to its values, whatever outliers arrive
 * later (no re-binning). Exact min and max are kept.
 */
final class Histogram {
    private static final int MIN_EXP = -40;
    private static final int OCTAVES = 80;
    private static final int SUB = 256;
    private static final int SIDE = OCTAVES * SUB;
    private final long[] counts = new long[2 * SIDE + 1];
    private long total;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    void add(float[] values) {
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            counts[bin(v)]++;
        }
        total += values.length;
    }

    private static int bin(float v) {
        float a = Math.abs(v);
        int e = Math.getExponent(a);
        if (e < MIN_EXP) {
            return SIDE;
        }
        int k;
        if (e >= MIN_EXP + OCTAVES) {
            k = SIDE - 1;
        } else {
            double frac = a / Math.scalb(1.0, e) - 1; // in [0, 1)
            k = (e - MIN_EXP) * SUB + Math.min(SUB - 1, (int) (frac * SUB));
        }
        return v < 0 ? SIDE - 1 - k : SIDE + 1 + k;
    }

    /** Lower magnitude bound of side index k. */
    private static double magnitude(int k) {
        int e = k / SUB + MIN_EXP;
        return Math.scalb(1.0 + (double) (k % SUB) / SUB, e);
    }

    int bins() {
        return counts.length;
    }

    long count(int bin) {
        return counts[bin];
    }

    long total() {
        return total;
    }

    /** Left (lower) edge of a bin. */
    double edge(int bin) {
        if (bin == SIDE) {
            return -Math.scalb(1.0, MIN_EXP);
        }
        if (bin > SIDE) {
            return magnitude(bin - SIDE - 1);
        }
        return -magnitude(SIDE - 1 - bin + 1);
    }

    /** Right (upper) edge of a bin. */
    double upper(int bin) {
        return bin + 1 < counts.length ? edge(bin + 1) : Math.scalb(1.0, MIN_EXP + OCTAVES);
    }

    /** The center of a bin, kept inside the observed [min, max]. */
    double center(int bin) {
        double c = (edge(bin) + upper(bin)) / 2;
        return Math.max(min, Math.min(max, c));
    }

    float min() {
        return min;
    }

    float max() {
        return max;
    }

    /** The value below which a fraction q of the observations lie (linear inside a bin, within [min, max]). */
    double quantile(double q) {
        double target = q * total;
        long cum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && cum + counts[i] >= target) {
                double frac = (target - cum) / counts[i];
                double v = edge(i) + frac * (upper(i) - edge(i));
                return Math.max(min, Math.min(max, v));
            }
            cum += counts[i];
        }
        return max;
    }
}
