package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Shape;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyforge quantize}: outputs, the JSON report, and one-line exit-2 errors on bad calibration data. */
class QuantizeCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    /** float FC model: input [1,4] → FC(2, RELU) → FC(2). */
    private Path floatModel() throws Exception {
        GraphBuilder b = new GraphBuilder("mlp");
        int in = b.tensor("x", Shape.of(1, 4), DType.FLOAT32, null);
        int w1 = b.constant("w1", Shape.of(2, 4), DType.FLOAT32, null, floats(0.5f, -0.25f, 1f, 0.1f, -1f, 0.3f,
                0.2f, 0.7f));
        int b1 = b.constant("b1", Shape.of(2), DType.FLOAT32, null, floats(0.1f, -0.2f));
        int h = b.tensor("h", Shape.of(1, 2), DType.FLOAT32, null);
        int w2 = b.constant("w2", Shape.of(2, 2), DType.FLOAT32, null, floats(1f, -0.5f, 0.25f, 0.75f));
        int y = b.tensor("y", Shape.of(1, 2), DType.FLOAT32, null);
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.RELU, false, false), new int[] {in, w1, b1},
                new int[] {h});
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.NONE, false, false), new int[] {h, w2, -1},
                new int[] {y});
        Graph g = b.inputs(in).outputs(y).build();
        return Files.write(tmp.resolve("mlp.tflite"), TfliteWriter.write(g));
    }

    private void assertRefused(Path model, String calib, String expect) {
        Path out = tmp.resolve("out.tflite");
        Run r = cli("quantize", model.toString(), "--calib", calib, "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expect), r.err());
        assertFalse(Files.exists(out), "no output written for " + calib);
    }

    @Test
    void badCalibrationDataIsOneLineExitTwoAndWritesNothing() throws Exception {
        Path m = floatModel();
        assertRefused(m, Files.write(tmp.resolve("nan.bin"), floats(1, 2, Float.NaN, 4)).toString(), "non-finite");
        assertRefused(m, Files.write(tmp.resolve("inf.bin"), floats(1, 2, 3, Float.POSITIVE_INFINITY)).toString(),
                "non-finite");
        assertRefused(m, Files.write(tmp.resolve("short.bin"), floats(1, 2, 3, 4, 5)).toString(), "whole number");
        assertRefused(m, Files.write(tmp.resolve("odd.bin"), new byte[7]).toString(), "not whole float32");
        assertRefused(m, Files.write(tmp.resolve("empty.bin"), new byte[0]).toString(), "no records");
        assertRefused(m, tmp.resolve("missing.bin").toString(), "cannot read");
        assertRefused(m, "synthetic:0", "no records");
        assertRefused(m, "synthetic:x", "synthetic:N");
        assertRefused(m, Files.write(tmp.resolve("bad.npy"), new byte[] {1, 2, 3}).toString(), "not a .npy");
    }

    @Test
    void quantizesWithRawNpyAndSyntheticDataAndWritesTheReport() throws Exception {
        Path m = floatModel();
        Path raw = Files.write(tmp.resolve("calib.bin"), floats(1, 2, 3, 4, -1, 0.5f, 2, -3));
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        ByteBuffer npy = ByteBuffer.allocate(10 + h.length() + 32).order(ByteOrder.LITTLE_ENDIAN);
        npy.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0)
                .putShort((short) h.length()).put(h.toString().getBytes(StandardCharsets.ISO_8859_1))
                .put(floats(1, 2, 3, 4, -1, 0.5f, 2, -3));
        Path npyFile = Files.write(tmp.resolve("calib.npy"), npy.array());
        for (String calib : new String[] {raw.toString(), npyFile.toString(), "synthetic:10"}) {
            for (String method : new String[] {"minmax", "moving-average", "percentile", "mse"}) {
                Path out = tmp.resolve("q.tflite");
                Path rep = tmp.resolve("r.json");
                Run r = cli("quantize", m.toString(), "--calib", calib, "--calib-method", method, "--report",
                        rep.toString(), "--out", out.toString());
                assertEquals(0, r.code(), calib + " " + method + ": " + r.err());
                Graph q = TfliteImporter.load(out);
                assertEquals(DType.INT8, q.input(0).dtype());
                JsonNode layers = new ObjectMapper().readTree(rep.toFile()).get("layers");
                assertEquals(2, layers.size(), "one row per FC");
                assertTrue(layers.get(0).get("relative_rmse").asDouble() >= layers.get(1).get("relative_rmse")
                        .asDouble(), "worst first");
                assertTrue(r.out().contains("cosine"), r.out());
            }
        }
        Run f = cli("quantize", m.toString(), "--calib", "synthetic:4", "--io", "float", "--out",
                tmp.resolve("f.tflite").toString());
        assertEquals(0, f.code(), f.err());
        assertEquals(DType.FLOAT32, TfliteImporter.load(tmp.resolve("f.tflite")).input(0).dtype());
    }

    @Test
    void weightOnlyModesWriteInt8AndFloat16Weights() throws Exception {
        Path m = floatModel();
        Run d = cli("quantize", m.toString(), "--mode", "float16", "--out", tmp.resolve("h.tflite").toString());
        assertEquals(0, d.code(), d.err());
        Graph h = TfliteImporter.load(tmp.resolve("h.tflite"));
        assertEquals(3, h.tensors().stream().filter(t -> t.dtype() == DType.FLOAT16).count());
        assertEquals(3, h.operators().stream().filter(o -> o.type() == OpType.DEQUANTIZE).count());
        Run dy = cli("quantize", m.toString(), "--mode", "dynamic", "--out", tmp.resolve("d.tflite").toString());
        assertEquals(0, dy.code(), dy.err());
        // the weights here are far below the converter's 1024-element threshold: nothing becomes int8
        assertEquals(0, TfliteImporter.load(tmp.resolve("d.tflite")).tensors().stream()
                .filter(t -> t.dtype() == DType.INT8).count());
    }

    @Test
    void usageErrors() throws Exception {
        Path m = floatModel();
        Run r = cli("quantize", m.toString(), "--out", tmp.resolve("x.tflite").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--calib"), r.err());
        Run k = cli("quantize", m.toString(), "--calib", "synthetic:2", "--calib-method", "kl", "--out",
                tmp.resolve("x.tflite").toString());
        assertEquals(2, k.code());
        assertTrue(k.err().contains("minmax"), k.err());
        assertFalse(Files.exists(tmp.resolve("x.tflite")));
    }
}
