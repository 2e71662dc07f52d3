package io.tinyforge.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Observers on synthetic distributions whose expected ranges are derived by hand or from known results. */
class ObserversTest {

    @Test
    void minMaxIsTheExtremesOverAllRecords() {
        Observer o = Observers.byName("minmax").get();
        o.observe(new float[] {0.5f, -2f, 3f});
        o.observe(new float[] {7f, 1f});
        assertEquals(new Range(-2f, 7f), o.range());
    }

    @Test
    void movingAverageStartsAtFirstRecordThenMovesOnePercent() {
        Observer o = Observers.byName("moving-average").get();
        o.observe(new float[] {0f, 1f});
        o.observe(new float[] {-1f, 3f});
        // by hand: min = 0 + 0.01 * (-1 - 0) = -0.01, max = 1 + 0.01 * (3 - 1) = 1.02
        Range r = o.range();
        assertEquals(-0.01f, r.min(), 1e-6f);
        assertEquals(1.02f, r.max(), 1e-6f);
    }

    @Test
    void percentileOfAUniformGridDropsTheTails() {
        Observer o = Observers.byName("percentile").get();
        int n = 1_000_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = -1f + 2f * i / (n - 1);
        }
        o.observe(v);
        // uniform on [-1, 1]: the 99.99th percentile is 1 - 2e-4, the 0.01th is -1 + 2e-4
        Range r = o.range();
        assertEquals(0.9998, r.max(), 1e-3);
        assertEquals(-0.9998, r.min(), 1e-3);
    }

    @Test
    void percentileIgnoresAFewHugeOutliers() {
        Observer o = new PercentileObserver(99.9);
        float[] v = new float[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) i / v.length;
        }
        v[0] = -1000f;
        v[1] = 1000f;
        o.observe(v);
        Range r = o.range();
        // 0.1% of 100000 = 100 values at each end: the range is about [0.001, 0.999]
        assertEquals(0.999, r.max(), 0.01);
        assertEquals(0.001, r.min(), 0.01);
    }

    @Test
    void mseKeepsAlmostTheWholeRangeOfAUniformDistribution() {
        Observer o = Observers.byName("mse").get();
        Random rnd = new Random(7);
        float[] v = new float[1_000_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextFloat() * 2 - 1;
        }
        o.observe(v);
        // clipping [-1,1] to [-a,a]: E = (1-a)^3/3 + (2a/255)^2/12, minimal at 1-a = sqrt(8a/(12*255^2)) ~ 0.0032
        Range r = o.range();
        assertTrue(r.max() > 0.985 && r.max() <= 1.0f, "max " + r.max());
        assertTrue(r.min() < -0.985 && r.min() >= -1.0f, "min " + r.min());
    }

    @Test
    void mseClipsALaplaceDistributionNearTheAciqOptimum() {
        Observer o = new MseObserver();
        Random rnd = new Random(11);
        float[] v = new float[2_000_000];
        for (int i = 0; i < v.length; i++) {
            double u = rnd.nextDouble() - 0.5;
            v[i] = (float) (-Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        o.observe(v);
        // Banner et al. (ACIQ): for Laplace(b=1) and 8 bits the MSE-optimal clipping value is about 9.89 b;
        // the sample maximum here is about ln(1e6) ~ 14, so min/max would not clip at all
        Range r = o.range();
        assertTrue(r.max() > 8.8 && r.max() < 11.0, "max " + r.max());
        assertTrue(r.min() < -8.8 && r.min() > -11.0, "min " + r.min());
    }

    @Test
    void unknownMethodNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Observers.byName("kl"));
        assertTrue(e.getMessage().contains("minmax, moving-average, percentile, mse"), e.getMessage());
    }

    @Test
    void emptyObserverRefusesToGuess() {
        for (String name : Observers.NAMES) {
            assertThrows(IllegalStateException.class, () -> Observers.byName(name).get().range(), name);
        }
    }
}
