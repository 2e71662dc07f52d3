package io.tinyforge.refimpl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.testing.FloatRecords;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sanity, not exactness: float, hybrid and int8 versions of one network give close outputs on realistic inputs
 * (the int8 model's TFLM golden inputs, dequantized). The measure is max |a - b| / max |b| over up to 10
 * vectors; each stated bound sits with a margin above the value this test prints. The autoencoders (ad01)
 * amplify int8 quantization error, hence their wider bound; the kws int8 twin is compared by top-1 class.
 */
class FloatTwinsTest {
    private static final int VECTORS = 10;

    @ParameterizedTest
    @CsvSource({
        "float/tflm_hello_world_fp32, tflm_hello_world_int8, 0.10",
        "float/mlperf_tiny_ad01_fp32, mlperf_tiny_ad01_int8, 0.25",
        "float/mlperf_tiny_ad01_dynamic_range, mlperf_tiny_ad01_int8, 0.25",
        "float/mlperf_tiny_vww_96_fp32, mlperf_tiny_vww_96_int8, 0.10"})
    void floatModelIsCloseToDequantizedInt8Goldens(String floatModel, String int8Model, double bound)
            throws Exception {
        Graph f = TfliteImporter.load(SharedModels.model(floatModel));
        Graph q = TfliteImporter.load(SharedModels.model(int8Model));
        Golden gold = SharedModels.golden(int8Model);
        Interpreter java = new Interpreter(f);
        List<float[]> a = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        for (int v = 0; v < Math.min(VECTORS, gold.count()); v++) {
            a.add(FloatRecords.floats(java.run(realInput(q, gold, v))));
            b.add(FloatRecords.dequantize(gold.output(v), q.output(0)));
        }
        assertClose(floatModel + " vs TFLM int8 " + int8Model, a, b, bound);
    }

    /** The hybrid ad01 against the float32 ad01 (same network, int8 weights vs float32 weights). */
    @Test
    void hybridAd01IsCloseToFloatAd01() throws Exception {
        assertClose("ad01 dynamic-range vs ad01 fp32",
                run("float/mlperf_tiny_ad01_dynamic_range", null), run("float/mlperf_tiny_ad01_fp32", null), 0.25);
    }

    /**
     * The hybrid kws against the same graph with its int8 weights dequantized to float32 (only the on-the-fly
     * input quantization differs), and top-1 agreement with the TFLM int8 twin.
     */
    @Test
    void hybridKwsIsCloseToItsDequantizedWeightsAndAgreesWithInt8Twin() throws Exception {
        String m = "float/mlperf_tiny_kws_ref_dynamic_range";
        List<float[]> hybrid = run(m, null);
        List<float[]> dequantized = run(m, "dequantize");
        assertClose("kws hybrid vs kws with dequantized weights", hybrid, dequantized, 0.05);
        Graph q = TfliteImporter.load(SharedModels.model("mlperf_tiny_kws_ref_int8"));
        Golden gold = SharedModels.golden("mlperf_tiny_kws_ref_int8");
        int agree = 0;
        for (int v = 0; v < hybrid.size(); v++) {
            agree += argmax(hybrid.get(v)) == argmax(FloatRecords.dequantize(gold.output(v), q.output(0))) ? 1 : 0;
        }
        System.out.println("kws hybrid vs TFLM int8 twin: top-1 agrees on " + agree + " of " + hybrid.size());
        assertTrue(2 * agree >= hybrid.size(), "kws hybrid agrees with the int8 twin on only " + agree + " of "
                + hybrid.size() + " vectors");
    }

    /** Outputs of a float model on the int8 twin's golden inputs; {@code "dequantize"} turns int8 weights to float. */
    private static List<float[]> run(String model, String transform) throws Exception {
        Graph f = TfliteImporter.load(SharedModels.model(model));
        if ("dequantize".equals(transform)) {
            f = dequantizeWeights(f);
        }
        String twin = model.contains("kws") ? "mlperf_tiny_kws_ref_int8" : "mlperf_tiny_ad01_int8";
        Graph q = TfliteImporter.load(SharedModels.model(twin));
        Golden gold = SharedModels.golden(twin);
        Interpreter java = new Interpreter(f);
        List<float[]> out = new ArrayList<>();
        for (int v = 0; v < Math.min(VECTORS, gold.count()); v++) {
            out.add(FloatRecords.floats(java.run(realInput(q, gold, v))));
        }
        return out;
    }

    private static byte[] realInput(Graph int8Model, Golden gold, int v) {
        return FloatRecords.record(FloatRecords.dequantize(gold.input(v), int8Model.input(0)));
    }

    private static Graph dequantizeWeights(Graph g) {
        List<Tensor> ts = new ArrayList<>(g.tensors());
        for (int i = 0; i < ts.size(); i++) {
            Tensor t = ts.get(i);
            if (t.dtype() == DType.INT8 && t.isConstant()) {
                byte[] d = FloatRecords.record(FloatRecords.dequantize(t.data(), t));
                ts.set(i, new Tensor(t.index(), t.name(), t.shape(), DType.FLOAT32, null, d, false));
            }
        }
        return new Graph(g.name(), ts, g.operators(), g.inputs(), g.outputs(), g.sha256());
    }

    private static void assertClose(String what, List<float[]> a, List<float[]> b, double bound) {
        double maxDiff = 0;
        double maxAbs = 0;
        for (int v = 0; v < a.size(); v++) {
            for (int i = 0; i < a.get(v).length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(a.get(v)[i] - b.get(v)[i]));
                maxAbs = Math.max(maxAbs, Math.abs(b.get(v)[i]));
            }
        }
        double ratio = maxDiff / maxAbs;
        System.out.printf("%s: %d vectors, max |diff| %.5f, max |ref| %.5f, ratio %.4f (bound %.2f)%n", what,
                a.size(), maxDiff, maxAbs, ratio, bound);
        assertTrue(!a.isEmpty() && maxAbs > 0, what + ": no non-zero output");
        assertTrue(ratio <= bound, what + ": max |diff| / max |ref| = " + ratio + " exceeds " + bound);
    }

    private static int argmax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            best = x[i] > x[best] ? i : best;
        }
        return best;
    }
}
