package io.tinyforge.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KMeans1DTest {

    /** Three well separated blobs; the expected centroids are the blob means, computed from the data here. */
    @ParameterizedTest
    @EnumSource(Init.class)
    void recoversKnownClusters(Init init) {
        double[] centers = {-50, 0, 40};
        int per = 200;
        double[] v = new double[centers.length * per];
        double[] mean = new double[centers.length];
        SplittableRandom rnd = new SplittableRandom(42);
        for (int c = 0; c < centers.length; c++) {
            for (int i = 0; i < per; i++) {
                double x = centers[c] + rnd.nextInt(-3, 4);
                v[c * per + i] = x;
                mean[c] += x / per;
            }
        }
        KMeans1D.Result r = KMeans1D.fit(v, 3, init, 1, 100);
        assertTrue(r.converged(), init + ": did not converge");
        assertEquals(3, r.centroids().length, init + ": centroid count");
        for (int c = 0; c < 3; c++) {
            assertEquals(mean[c], r.centroids()[c], 1e-9, init + ": centroid " + c);
        }
    }

    @Test
    void kmeansPlusPlusIsDeterministicForASeed() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian() * 20;
        }
        KMeans1D.Result a = KMeans1D.fit(v, 16, Init.KMEANS_PP, 99, 300);
        KMeans1D.Result b = KMeans1D.fit(v.clone(), 16, Init.KMEANS_PP, 99, 300);
        assertArrayEquals(a.centroids(), b.centroids(), "same seed, same centroids");
        assertEquals(a.iterations(), b.iterations());
        double[] reversed = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            reversed[i] = v[v.length - 1 - i];
        }
        assertArrayEquals(a.centroids(), KMeans1D.fit(reversed, 16, Init.KMEANS_PP, 99, 300).centroids(),
                "input order does not matter");
        KMeans1D.Result lin1 = KMeans1D.fit(v, 16, Init.LINEAR, 1, 300);
        KMeans1D.Result lin2 = KMeans1D.fit(v, 16, Init.LINEAR, 2, 300);
        assertArrayEquals(lin1.centroids(), lin2.centroids(), "linear initialisation ignores the seed");
    }

    @Test
    void moreCentroidsThanDistinctValuesKeepsEveryValue() {
        double[] v = {5, 1, 1, 2, 5, 5};
        KMeans1D.Result r = KMeans1D.fit(v, 8, Init.KMEANS_PP, 0, 10);
        assertArrayEquals(new double[] {1, 2, 5}, r.centroids());
        for (double x : v) {
            assertEquals(x, r.centroids()[r.nearest(x)], "value " + x + " is its own centroid");
        }
    }

    @Test
    void nearestPrefersTheLowerCentroidOnATie() {
        double[] c = {-2, 2, 10};
        assertEquals(0, KMeans1D.nearest(c, 0));
        assertEquals(1, KMeans1D.nearest(c, 6));
        assertEquals(0, KMeans1D.nearest(c, -100));
        assertEquals(2, KMeans1D.nearest(c, 100));
    }

    @Test
    void lloydNeverIncreasesDistortionOverItsStart() {
        SplittableRandom rnd = new SplittableRandom(8);
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(-128, 128);
        }
        double one = distortion(v, KMeans1D.fit(v, 4, Init.LINEAR, 0, 1));
        double many = distortion(v, KMeans1D.fit(v, 4, Init.LINEAR, 0, 300));
        assertTrue(many <= one, "300 iterations " + many + " > 1 iteration " + one);
    }

    private static double distortion(double[] v, KMeans1D.Result r) {
        double s = 0;
        for (double x : v) {
            double d = x - r.centroids()[r.nearest(x)];
            s += d * d;
        }
        return s;
    }
}
