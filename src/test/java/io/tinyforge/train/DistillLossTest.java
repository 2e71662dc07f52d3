package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.fixtures.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The response-based loss against a plain double-precision KL written here from its definition: the value, the
 * SameDiff gradient against central finite differences of that definition, and the closed form
 * {@code T·(softmax(s/T) − softmax(t/T)) / batch}; the feature loss against a hand-computed projection.
 */
class DistillLossTest {

    private static final int BATCH = 3;
    private static final int CLASSES = 5;

    /** {@code T² · mean_b Σ_k p_k (log p_k − log q_k)}, p = softmax(t/T), q = softmax(s/T), in doubles. */
    private static double klDefinition(double[][] s, double[][] t, double temperature) {
        double sum = 0;
        for (int b = 0; b < s.length; b++) {
            double[] p = softmax(t[b], temperature);
            double[] q = softmax(s[b], temperature);
            for (int k = 0; k < p.length; k++) {
                sum += p[k] * (Math.log(p[k]) - Math.log(q[k]));
            }
        }
        return temperature * temperature * sum / s.length;
    }

    private static double[] softmax(double[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / temperature);
        }
        double[] e = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            e[i] = Math.exp(z[i] / temperature - max);
            sum += e[i];
        }
        for (int i = 0; i < z.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    private static double[][] random(long seed, double scale) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] v = new double[BATCH][CLASSES];
        for (double[] row : v) {
            for (int k = 0; k < CLASSES; k++) {
                row[k] = r.uniform(-scale, scale);
            }
        }
        return v;
    }

    private static INDArray arr(double[][] v) {
        return Nd4j.create(v).castTo(DataType.FLOAT);
    }

    /** The loss graph over a student variable {@code s} and a teacher placeholder {@code t}. */
    private static SameDiff graph(double[][] s, double temperature) {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        SameDiff sd = SameDiff.create();
        SDVariable sv = sd.var("s", arr(s));
        SDVariable tv = sd.placeHolder("t", DataType.FLOAT, -1, CLASSES);
        DistillLoss.response(sd, sv, tv, temperature).rename("kd");
        sd.setLossVariables("kd");
        return sd;
    }

    @Test
    void responseLossValueMatchesTheKlDefinition() {
        for (double temperature : new double[] {1, 4}) {
            double[][] s = random(1, 3);
            double[][] t = random(2, 6);
            SameDiff sd = graph(s, temperature);
            double got = sd.output(Map.of("t", arr(t)), "kd").get("kd").getDouble(0);
            double want = klDefinition(s, t, temperature);
            assertEquals(want, got, 1e-5 * Math.max(1, Math.abs(want)), "T=" + temperature);
        }
    }

    @Test
    void responseLossIsZeroWhenTheStudentEqualsTheTeacher() {
        double[][] t = random(3, 5);
        double got = graph(t, 4).output(Map.of("t", arr(t)), "kd").get("kd").getDouble(0);
        assertEquals(0, got, 1e-6);
    }

    @Test
    void responseLossGradientMatchesFiniteDifferencesAndTheClosedForm() {
        double temperature = 4;
        double[][] s = random(4, 3);
        double[][] t = random(5, 6);
        SameDiff sd = graph(s, temperature);
        INDArray grad = sd.calculateGradients(Map.of("t", arr(t)), "s").get("s");
        double h = 1e-4;
        for (int b = 0; b < BATCH; b++) {
            double[] q = softmax(s[b], temperature);
            double[] p = softmax(t[b], temperature);
            for (int k = 0; k < CLASSES; k++) {
                double keep = s[b][k];
                s[b][k] = keep + h;
                double up = klDefinition(s, t, temperature);
                s[b][k] = keep - h;
                double down = klDefinition(s, t, temperature);
                s[b][k] = keep;
                double numeric = (up - down) / (2 * h);
                double closed = temperature * (q[k] - p[k]) / BATCH;
                double got = grad.getDouble(b, k);
                assertEquals(numeric, closed, 1e-6, "closed form vs finite differences at [" + b + "," + k + "]");
                assertEquals(numeric, got, 1e-5, "SameDiff gradient vs finite differences at [" + b + "," + k + "]");
            }
        }
    }

    @Test
    void featureLossIsTheMeanSquaredErrorOfTheProjectedStudentMap() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        // student map 1x1x2x2 (two pixels, two channels), teacher map 1x1x2x3, projection 2->3
        float[] fs = {1, 2, -1, 0.5f};
        float[] ft = {0, 1, 2, 3, -1, 0.25f};
        float[] w = {1, 0, 2, -1, 1, 0}; // [2, 3] row-major
        float[] bias = {0.5f, 0, -0.5f};
        SameDiff sd = SameDiff.create();
        SDVariable out = DistillLoss.feature(sd, sd.constant(Nd4j.create(fs, new long[] {1, 1, 2, 2}, 'c')),
                sd.constant(Nd4j.create(ft, new long[] {1, 1, 2, 3}, 'c')),
                sd.var("w", Nd4j.create(w, new long[] {2, 3}, 'c')), sd.var("b", Nd4j.create(bias, new long[] {3}, 'c')),
                2, 3);
        double sum = 0;
        for (int px = 0; px < 2; px++) {
            for (int o = 0; o < 3; o++) {
                double v = bias[o];
                for (int i = 0; i < 2; i++) {
                    v += fs[px * 2 + i] * w[i * 3 + o];
                }
                double d = v - ft[px * 3 + o];
                sum += d * d;
            }
        }
        assertEquals(sum / 6, out.eval().getDouble(0), 1e-6);
    }
}
