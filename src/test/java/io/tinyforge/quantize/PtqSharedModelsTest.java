package io.tinyforge.quantize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the shared float models quantize with 100 synthetic calibration records, and on 100 further
 * smooth random inputs the int8 model follows the float one (VWW: top-1 agreement; AD01 / hello_world:
 * output error relative to the float output range).
 */
class PtqSharedModelsTest {

    private static QuantizedModel quantize(String file) throws Exception {
        Path dir = SharedModels.require();
        Graph g = TfliteImporter.load(dir.resolve("float").resolve(file));
        return FullIntegerQuantizer.quantize(g, CalibrationData.synthetic(g, 100, 1), MinMaxObserver::new,
                IoType.INT8);
    }

    private static float[] out(FloatRunner r, Graph g, float[][] in) {
        return r.run(in)[g.output(0).index()];
    }

    @Test
    void vwwTop1AgreesOn95Percent() throws Exception {
        QuantizedModel qm = quantize("mlperf_tiny_vww_96_fp32.tflite");
        FloatRunner f = new FloatGraphEvaluator(qm.floatGraph());
        FloatRunner q = new QuantizedGraphRunner(qm.quantized());
        List<float[][]> test = CalibrationData.synthetic(qm.floatGraph(), 100, 2);
        int agree = 0;
        for (float[][] in : test) {
            if (argmax(out(f, qm.floatGraph(), in)) == argmax(out(q, qm.quantized(), in))) {
                agree++;
            }
        }
        System.out.println("VWW PTQ top-1 agreement: " + agree + "/100");
        assertTrue(agree >= 95, "VWW top-1 agreement " + agree + "/100 < 95");
    }

    /** AD01 (10 stacked FC layers): RMSE within 3% and max error within 10% of the float output range. */
    @Test
    void ad01ReconstructionCloseToFloat() throws Exception {
        checkRelativeError("mlperf_tiny_ad01_fp32.tflite", 0.03, 0.10);
    }

    /** hello_world: RMSE within 2% and max error within 5% of the float output range. */
    @Test
    void helloWorldCloseToFloat() throws Exception {
        checkRelativeError("tflm_hello_world_fp32.tflite", 0.02, 0.05);
    }

    /** RMSE and max |int8 - float| output error over 100 inputs, over the float outputs' range, under bounds. */
    private static void checkRelativeError(String file, double rmseBound, double maxBound) throws Exception {
        QuantizedModel qm = quantize(file);
        FloatRunner f = new FloatGraphEvaluator(qm.floatGraph());
        FloatRunner q = new QuantizedGraphRunner(qm.quantized());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxErr = 0;
        double sq = 0;
        long n = 0;
        for (float[][] in : CalibrationData.synthetic(qm.floatGraph(), 100, 2)) {
            float[] a = out(f, qm.floatGraph(), in);
            float[] b = out(q, qm.quantized(), in);
            for (int i = 0; i < a.length; i++) {
                lo = Math.min(lo, a[i]);
                hi = Math.max(hi, a[i]);
                maxErr = Math.max(maxErr, Math.abs(a[i] - b[i]));
                sq += (a[i] - b[i]) * (a[i] - b[i]);
                n++;
            }
        }
        double rel = maxErr / (hi - lo);
        double rmse = Math.sqrt(sq / n);
        System.out.printf("%s PTQ: output range [%.4f, %.4f], max abs error %.5f (%.2f%% of range), RMSE %.5f"
                + " (%.2f%% of range)%n", file, lo, hi, maxErr, 100 * rel, rmse, 100 * rmse / (hi - lo));
        assertTrue(rel <= maxBound, file + ": max error " + maxErr + " is " + rel + " of the output range > "
                + maxBound);
        assertTrue(rmse / (hi - lo) <= rmseBound, file + ": RMSE " + rmse + " is " + rmse / (hi - lo)
                + " of the output range > " + rmseBound);
    }

    private static int argmax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[b]) {
                b = i;
            }
        }
        return b;
    }
}
