package io.tinyforge.quantize;

/**
 * A streaming histogram over [-R, R) with a fixed, even number of bins: when a value falls outside, R doubles
 * and adjacent bin pairs merge into the middle half, so no value is ever lost. Exact min and max are kept.
 */
final class Histogram {
    private final long[] counts;
    private double halfRange;
    private long total;
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    Histogram(int bins) {
        if (bins < 8 || bins % 4 != 0) {
            throw new IllegalArgumentException("bins must be a multiple of 4, at least 8: " + bins);
        }
        counts = new long[bins];
    }

    void add(float[] values) {
        float amax = 0;
        for (float v : values) {
            amax = Math.max(amax, Math.abs(v));
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0) {
            return;
        }
        if (halfRange == 0) {
            halfRange = amax > 0 ? amax * 1.0000001 + Double.MIN_NORMAL : 1e-30;
        }
        while (amax >= halfRange) {
            grow();
        }
        int n = counts.length;
        double perBin = n / (2 * halfRange);
        for (float v : values) {
            int b = (int) Math.floor((v + halfRange) * perBin);
            counts[Math.max(0, Math.min(n - 1, b))]++;
        }
        total += values.length;
    }

    private void grow() {
        int n = counts.length;
        long[] merged = new long[n];
        for (int i = 0; i < n; i++) {
            merged[n / 4 + i / 2] += counts[i];
        }
        System.arraycopy(merged, 0, counts, 0, n);
        halfRange *= 2;
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

    double binWidth() {
        return 2 * halfRange / counts.length;
    }

    /** Left edge of a bin. */
    double edge(int bin) {
        return -halfRange + bin * binWidth();
    }

    double center(int bin) {
        return edge(bin) + binWidth() / 2;
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
                double v = edge(i) + frac * binWidth();
                return Math.max(min, Math.min(max, v));
            }
            cum += counts[i];
        }
        return max;
    }
}
