package io.tinyforge.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One-dimensional k-means (Lloyd's algorithm) on weighted distinct values. Deterministic: the values are
 * sorted first, ties go to the lower centroid, and k-means++ draws from a {@link SplittableRandom} seeded by the
 * caller. When k is at least the number of distinct values every value becomes its own centroid.
 */
public final class KMeans1D {

    /**
     * The outcome: sorted distinct centroids (at most k), the Lloyd iterations run, and whether the assignment
     * stopped changing before the iteration limit.
     */
    public record Result(double[] centroids, int iterations, boolean converged) {

        public Result {
            centroids = centroids.clone();
        }

        @Override
        public double[] centroids() {
            return centroids.clone();
        }

        /** Index of the nearest centroid to {@code v} (the lower one on a tie). */
        public int nearest(double v) {
            return KMeans1D.nearest(centroids, v);
        }
    }

    private KMeans1D() {
    }

    /** Clusters {@code values} (any order, repeats allowed) into at most {@code k} centroids. */
    public static Result fit(double[] values, int k, Init init, long seed, int maxIterations) {
        if (values.length == 0) {
            return new Result(new double[0], 0, true);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int u = 0;
        double[] uniq = new double[sorted.length];
        long[] count = new long[sorted.length];
        for (double v : sorted) {
            if (u > 0 && Double.compare(uniq[u - 1], v) == 0) {
                count[u - 1]++;
            } else {
                uniq[u] = v;
                count[u] = 1;
                u++;
            }
        }
        uniq = Arrays.copyOf(uniq, u);
        count = Arrays.copyOf(count, u);
        if (u <= k) {
            return new Result(uniq, 0, true);
        }
        double[] c = init == Init.LINEAR ? linear(uniq, k) : plusPlus(uniq, count, k, seed);
        int[] assign = new int[u];
        Arrays.fill(assign, -1);
        int it = 0;
        boolean converged = false;
        while (it < maxIterations) {
            it++;
            boolean changed = false;
            for (int i = 0; i < u; i++) {
                int a = nearest(c, uniq[i]);
                if (a != assign[i]) {
                    assign[i] = a;
                    changed = true;
                }
            }
            if (!changed) {
                converged = true;
                break;
            }
            double[] sum = new double[c.length];
            long[] n = new long[c.length];
            for (int i = 0; i < u; i++) {
                sum[assign[i]] += uniq[i] * count[i];
                n[assign[i]] += count[i];
            }
            for (int j = 0; j < c.length; j++) {
                if (n[j] > 0) {
                    c[j] = sum[j] / n[j];
                }
            }
            Arrays.sort(c); // means of sorted, disjoint value ranges stay sorted; this only guards rounding
        }
        return new Result(distinctSorted(c), it, converged);
    }

    /** Index of the centroid of sorted {@code c} nearest to {@code v}; the lower one on a tie. */
    static int nearest(double[] c, double v) {
        int i = Arrays.binarySearch(c, v);
        if (i >= 0) {
            while (i > 0 && c[i - 1] == c[i]) {
                i--;
            }
            return i;
        }
        int hi = -i - 1;
        if (hi == 0) {
            return 0;
        }
        if (hi == c.length) {
            return c.length - 1;
        }
        return v - c[hi - 1] <= c[hi] - v ? hi - 1 : hi;
    }

    private static double[] linear(double[] uniq, int k) {
        double lo = uniq[0];
        double hi = uniq[uniq.length - 1];
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            c[j] = k == 1 ? lo : lo + (hi - lo) * j / (k - 1);
        }
        return c;
    }

    private static double[] plusPlus(double[] uniq, long[] count, int k, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int u = uniq.length;
        double[] d2 = new double[u];
        double[] c = new double[k];
        long total = 0;
        for (long n : count) {
            total += n;
        }
        long pick = rnd.nextLong(total);
        int first = 0;
        while (pick >= count[first]) {
            pick -= count[first];
            first++;
        }
        c[0] = uniq[first];
        for (int i = 0; i < u; i++) {
            double d = uniq[i] - c[0];
            d2[i] = d * d;
        }
        int have = 1;
        while (have < k) {
            double sum = 0;
            for (int i = 0; i < u; i++) {
                sum += d2[i] * count[i];
            }
            if (sum <= 0) {
                break; // every value already is a centroid (cannot happen when u > k, kept for safety)
            }
            double r = rnd.nextDouble() * sum;
            int next = u - 1;
            for (int i = 0; i < u; i++) {
                r -= d2[i] * count[i];
                if (r < 0 && d2[i] > 0) {
                    next = i;
                    break;
                }
            }
            c[have++] = uniq[next];
            for (int i = 0; i < u; i++) {
                double d = uniq[i] - uniq[next];
                d2[i] = Math.min(d2[i], d * d);
            }
        }
        double[] r = Arrays.copyOf(c, have);
        Arrays.sort(r);
        return r;
    }

    private static double[] distinctSorted(double[] c) {
        double[] s = c.clone();
        Arrays.sort(s);
        int n = 0;
        for (double v : s) {
            if (n == 0 || s[n - 1] != v) {
                s[n++] = v;
            }
        }
        return Arrays.copyOf(s, n);
    }
}
