package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.Float16Weights;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Tensor;
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
 * Float16-weight fixtures built from the fp32 models with {@link Float16Weights} and written/re-read as .tflite
 * with {@link TfliteWriter}: the direct form (FLOAT16 weights read by the {@code _f16w} kernels) and TFLite's
 * form (FLOAT16 constants + DEQUANTIZE) each give host C == Java byte for byte; both forms, and the folded
 * TFLite form, give the same bytes (the half-to-float widening is exact); the direct form stores half the
 * weight bytes and the folded form needs no more arena than it; and the outputs stay within 1% (of the output
 * range) of the fp32 model's.
 */
class Float16WeightsHostCTest {
    private static final int VECTORS = 3;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"tflm_hello_world_fp32", "mlperf_tiny_ad01_fp32", "mlperf_tiny_vww_96_fp32"})
    void halfWeightModelsRunIdenticallyInJavaAndC(String model) throws Exception {
        Graph fp32 = TfliteImporter.load(SharedModels.model("float/" + model));
        Graph direct = roundTrip(Float16Weights.direct(fp32));
        Graph tflite = roundTrip(Float16Weights.withDequantize(fp32));
        Graph folded = Float16Weights.fold(tflite);
        assertTrue(tflite.operators().stream().anyMatch(op -> op.type() == OpType.DEQUANTIZE), "has DEQUANTIZE");
        assertTrue(folded.operators().stream().noneMatch(op -> op.type() == OpType.DEQUANTIZE), "folded all");
        long fullBytes = constBytes(fp32, DType.FLOAT32);
        long halfBytes = constBytes(direct, DType.FLOAT16);
        assertTrue(halfBytes > 0 && constBytes(direct, DType.FLOAT32) + halfBytes < fullBytes,
                model + ": half weights must shrink the constants");

        int floats = (int) (fp32.inputRecordBytes() / 4);
        byte[] inputs = FloatRecords.uniform(model.hashCode() + 16, VECTORS, floats, -1.0, 1.0);
        byte[] directC = runC(direct, inputs, "d");
        byte[] tfliteC = runC(tflite, inputs, "t");
        byte[] foldedC = runC(folded, inputs, "f");
        long arenaDirect = arena("d");
        assertEquals(arenaDirect, arena("f"), model + ": folded graph needs the direct form's arena");
        assertTrue(arena("t") > arenaDirect, model + ": the DEQUANTIZE form keeps float32 weights in the arena");
        String modelC = Files.readString(tmp.resolve("d/gen/model.c"));
        assertTrue(modelC.contains("_f16w_f32("), model + ": direct form calls an _f16w kernel");

        Interpreter jDirect = new Interpreter(direct);
        Interpreter jTflite = new Interpreter(tflite);
        Interpreter jFolded = new Interpreter(folded);
        Interpreter jFp32 = new Interpreter(fp32);
        int n = (int) fp32.outputRecordBytes();
        double maxDiff = 0;
        double maxAbs = 0;
        for (int v = 0; v < VECTORS; v++) {
            byte[] in = Arrays.copyOfRange(inputs, v * floats * 4, (v + 1) * floats * 4);
            byte[] expected = jDirect.run(in);
            String where = model + " fp16 vector " + v;
            Bytes.assertSame(where + " direct: host C vs Java", expected, Arrays.copyOfRange(directC, v * n,
                    (v + 1) * n), 4);
            Bytes.assertSame(where + " DEQUANTIZE form: host C vs Java direct", expected,
                    Arrays.copyOfRange(tfliteC, v * n, (v + 1) * n), 4);
            Bytes.assertSame(where + " folded: host C vs Java direct", expected,
                    Arrays.copyOfRange(foldedC, v * n, (v + 1) * n), 4);
            Bytes.assertSame(where + " DEQUANTIZE form vs direct, Java", expected, jTflite.run(in), 4);
            Bytes.assertSame(where + " folded vs direct, Java", expected, jFolded.run(in), 4);
            float[] a = FloatRecords.floats(expected);
            float[] b = FloatRecords.floats(jFp32.run(in));
            for (int i = 0; i < a.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
                maxAbs = Math.max(maxAbs, Math.abs(b[i]));
            }
        }
        System.out.printf("%s: fp16 weights %d bytes vs fp32 %d; C == Java on %d vectors; max |fp16 - fp32| %.6f"
                + " of max |out| %.4f%n", model, halfBytes, fullBytes, VECTORS, maxDiff, maxAbs);
        assertTrue(maxDiff <= 0.01 * maxAbs, model + ": fp16 weights moved the output by " + maxDiff);
    }

    private byte[] runC(Graph g, byte[] inputs, String dir) {
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("m", "Float16WeightsHostCTest " + g.name());
        CodeGenerator.generate(m, opt, tmp.resolve(dir + "/gen"));
        HostProgram p = HostBuild.compile(tmp.resolve(dir + "/gen"), CodeGenerator.harness(m, opt),
                tmp.resolve(dir + "/build"));
        byte[] out = p.run(inputs);
        assertEquals(VECTORS * g.outputRecordBytes(), out.length, g.name() + ": output bytes");
        return out;
    }

    /** {@code M_ARENA_BYTES} from the generated model.h in {@code dir}. */
    private long arena(String dir) throws java.io.IOException {
        for (String line : Files.readAllLines(tmp.resolve(dir + "/gen/model.h"))) {
            if (line.startsWith("#define M_ARENA_BYTES")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no M_ARENA_BYTES in " + dir + "/gen/model.h");
    }

    private static Graph roundTrip(Graph g) {
        return TfliteImporter.parse(TfliteWriter.write(g), g.name(), "Float16WeightsHostCTest");
    }

    private static long constBytes(Graph g, DType dtype) {
        return g.tensors().stream().filter(t -> t.isConstant() && t.dtype() == dtype).mapToLong(Tensor::bytes)
                .sum();
    }
}
