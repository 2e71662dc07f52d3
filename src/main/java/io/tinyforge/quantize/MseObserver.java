package io.tinyforge.quantize;

/**
 * The clipping range minimizing the expected int8 quantization error over the observed histogram: clipped
 * values cost their squared distance to the nearest representable bound, the others the uniform rounding
 * noise scale^2 / 12. Searched over ranges shrunk jointly from [min, max], then each end alone.
 */
public final class MseObserver implements Observer {
    private static final int STEPS = 200;
    private final Histogram hist = new Histogram();

    @Override
    public void observe(float[] values) {
        hist.add(values);
    }

    private double[] centers;
    private long[] counts;

    @Override
    public Range range() {
        if (hist.total() == 0) {
            throw new IllegalStateException("no values observed");
        }
        int used = 0;
        for (int i = 0; i < hist.bins(); i++) {
            used += hist.count(i) > 0 ? 1 : 0;
        }
        centers = new double[used];
        counts = new long[used];
        for (int i = 0, j = 0; i < hist.bins(); i++) {
            if (hist.count(i) > 0) {
                centers[j] = hist.center(i);
                counts[j++] = hist.count(i);
            }
        }
        float lo0 = Math.min(hist.min(), 0f);
        float hi0 = Math.max(hist.max(), 0f);
        if (lo0 == hi0) {
            return new Range(lo0, hi0);
        }
        float bestA = 1;
        double best = Double.POSITIVE_INFINITY;
        for (int k = STEPS; k >= 1; k--) {
            float a = (float) k / STEPS;
            double e = error(lo0 * a, hi0 * a);
            if (e < best) {
                best = e;
                bestA = a;
            }
        }
        float lo = lo0 * bestA;
        float hi = hi0 * bestA;
        float bestHi = hi;
        for (int k = STEPS; k >= 1 && hi0 > 0; k--) {
            float h = hi0 * k / STEPS;
            double e = error(lo, h);
            if (e < best) {
                best = e;
                bestHi = h;
            }
        }
        hi = bestHi;
        float bestLo = lo;
        for (int k = STEPS; k >= 1 && lo0 < 0; k--) {
            float l = lo0 * k / STEPS;
            double e = error(l, hi);
            if (e < best) {
                best = e;
                bestLo = l;
            }
        }
        return new Range(bestLo, hi);
    }

    /** Expected squared error of quantizing the histogram with the int8 parameters of [lo, hi]. */
    double error(float lo, float hi) {
        Affine q = QuantRules.asymmetric(lo, hi);
        double s = q.scale();
        double qlo = (QuantRules.QMIN - q.zeroPoint()) * s;
        double qhi = (QuantRules.QMAX - q.zeroPoint()) * s;
        double noise = s * s / 12;
        double sum = 0;
        for (int i = 0; i < centers.length; i++) {
            long n = counts[i];
            double c = centers[i];
            double e = c < qlo ? (c - qlo) * (c - qlo) : c > qhi ? (c - qhi) * (c - qhi) : noise;
            sum += n * e;
        }
        return sum / hist.total();
    }
}
