package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FloatRecords;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float32 and dynamic-range (hybrid) models of {@code ../shared/models/float}: the generated C, compiled
 * with the host flags (-ffp-contract=off), must equal the Java reference byte for byte on seeded random
 * inputs (no tolerance), and the outputs must be finite.
 */
class FloatModelsHostCTest {
    private static final int VECTORS = 6;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"tflm_hello_world_fp32", "mlperf_tiny_ad01_fp32", "mlperf_tiny_vww_96_fp32",
        "mlperf_tiny_ad01_dynamic_range", "mlperf_tiny_kws_ref_dynamic_range"})
    void generatedCEqualsJavaReferenceBitForBit(String model) throws Exception {
        Graph g = TfliteImporter.load(SharedModels.model("float/" + model));
        PreparedModel m = PreparedModel.prepare(g);
        int floats = (int) (g.inputRecordBytes() / 4);
        byte[] inputs = FloatRecords.uniform(model.hashCode(), VECTORS, floats, -2.0, 2.0);
        GeneratorOptions opt = new GeneratorOptions("m", "FloatModelsHostCTest " + model);
        CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        String modelC = Files.readString(tmp.resolve("gen/model.c"));
        assertTrue(modelC.contains("_f32(") || modelC.contains("_hybrid_s8("), "calls float or hybrid kernels");
        HostProgram p = HostBuild.compile(tmp.resolve("gen"), CodeGenerator.harness(m, opt), tmp.resolve("build"));
        byte[] out = p.run(inputs);
        int n = (int) g.outputRecordBytes();
        assertEquals(VECTORS * n, out.length, model + ": output bytes");
        Interpreter java = new Interpreter(m);
        for (int v = 0; v < VECTORS; v++) {
            byte[] in = Arrays.copyOfRange(inputs, v * floats * 4, (v + 1) * floats * 4);
            byte[] expected = java.run(in);
            byte[] actual = Arrays.copyOfRange(out, v * n, (v + 1) * n);
            Bytes.assertSame(model + " vector " + v + " host C vs Java reference", expected, actual, 4);
            for (float f : FloatRecords.floats(actual)) {
                assertTrue(Float.isFinite(f), model + " vector " + v + ": non-finite output " + f);
            }
        }
        System.out.println(model + ": " + VECTORS + " random vectors bit-identical, Java reference vs host C");
    }
}
