package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyforge train} and {@code evaluate} end to end on small IDX files the test writes. */
class TrainEvaluateCliTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes an MNIST-style directory: n images of side×side per split with the given pixels and labels. */
    private static void idx(Path dir, String prefix, int n, int side, byte[] px, byte[] labels) throws Exception {
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"),
                ByteBuffer.allocate(16 + px.length).putInt(0x803).putInt(n).putInt(side).putInt(side).put(px).array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"),
                ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n).put(labels).array());
    }

    @Test
    void trainWritesAFloatTfliteAndReportsAccuracy(@TempDir Path dir) throws Exception {
        io.tinyforge.data.LabeledImages d = io.tinyforge.train.SyntheticImagesAccess.make(192);
        idx(dir, "train", 128, 28, java.util.Arrays.copyOfRange(d.pixels(), 0, 128 * 784),
                java.util.Arrays.copyOfRange(d.labels(), 0, 128));
        idx(dir, "t10k", 64, 28, java.util.Arrays.copyOfRange(d.pixels(), 128 * 784, 192 * 784),
                java.util.Arrays.copyOfRange(d.labels(), 128, 192));
        Path out = dir.resolve("m/cnn.tflite");
        Result r = run("train", "--dataset", "mnist", "--data", dir.toString(), "--epochs", "1", "--out", out.toString(),
                "--arch", "c4-p-d10", "--batch", "32", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained c4-p-d10 on 128 mnist images, 1 epoch(s), batch 32"), r.out());
        assertTrue(r.out().matches("(?s).*test accuracy \\(ND4J, 64 images\\): [01]\\.\\d{4}\n.*"), r.out());
        Graph g = TfliteImporter.load(out);
        assertEquals(OpType.SOFTMAX, g.operators().get(g.operators().size() - 1).type());
        Result ev = run("evaluate", out.toString(), "--dataset", "mnist", "--data", dir.toString());
        assertEquals(0, ev.code(), ev.err());
        assertTrue(ev.out().contains("(64 images, float32 input): accuracy "), ev.out());
        assertTrue(ev.out().contains("weight bytes: " + String.format(java.util.Locale.ROOT, "%,d", g.constantBytes())),
                ev.out());

        Result bad = run("train", "--dataset", "cifar", "--data", dir.toString(), "--out", out.toString());
        assertEquals(2, bad.code());
        assertEquals("tinyforge: unknown dataset 'cifar'; known: fashion-mnist, mnist\n", bad.err());
        Result missing = run("train", "--dataset", "mnist", "--data", dir.resolve("none").toString(), "--out", "x");
        assertEquals(2, missing.code());
        assertEquals("tinyforge: " + dir.resolve("none") + ": no such dataset directory\n", missing.err());
        Result noOut = run("train", "--dataset", "mnist", "--data", dir.toString());
        assertEquals("tinyforge: missing --out\n", noOut.err());
    }

    @Test
    void evaluateScoresAnInt8ModelOnQuantizedImages(@TempDir Path dir) throws Exception {
        Graph g = FixtureModels.defaultModel(); // int8, 1x16x16x1 input calibrated for [0,1]
        Path model = dir.resolve("default.tflite");
        Files.write(model, TfliteWriter.write(g));
        int n = 40;
        io.tinyforge.fixtures.SplitMix64 rng = new io.tinyforge.fixtures.SplitMix64(11);
        byte[] px = new byte[n * 256];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) Long.remainderUnsigned(rng.next(), 256);
        }
        // labels: the interpreter's own arg max on inputs quantized here, so a correct pipeline scores 1.0
        Tensor in = g.tensor(g.inputs()[0]);
        Interpreter it = new Interpreter(g);
        byte[] labels = new byte[n];
        byte[] wrong = new byte[n];
        for (int i = 0; i < n; i++) {
            byte[] q = new byte[256];
            for (int p = 0; p < 256; p++) {
                double real = (px[i * 256 + p] & 0xff) / 255f;
                long v = Math.round(real / in.quant().scale()) + in.quant().zeroPoint(); // real >= 0: half-up = half away
                q[p] = (byte) Math.max(-128, Math.min(127, v));
            }
            byte[] o = it.run(q);
            int best = 0;
            for (int k = 1; k < o.length; k++) {
                best = o[k] > o[best] ? k : best;
            }
            labels[i] = (byte) best;
            wrong[i] = (byte) ((best + 1) % 10);
        }
        idx(dir, "t10k", n, 16, px, labels);
        idx(dir, "train", n, 16, px, labels);
        Result r = run("evaluate", model.toString(), "--dataset", "mnist", "--data", dir.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1.0, j.get("accuracy").asDouble(), r.out());
        assertEquals(n, j.get("images").asInt());
        assertEquals("int8", j.get("inputType").asText());
        assertEquals(g.constantBytes(), j.get("weightBytes").asLong());
        assertTrue(j.get("flashEstimateBytes").asLong() >= g.constantBytes(), r.out());
        assertTrue(j.get("arenaBytes").asLong() > 0, r.out());

        idx(dir, "t10k", n, 16, px, wrong);
        Result w = run("evaluate", model.toString(), "--dataset", "mnist", "--data", dir.toString(), "--limit", "10");
        assertEquals(0, w.code(), w.err());
        assertTrue(w.out().contains("(10 images, int8 input): accuracy 0.0000"), w.out());
        assertTrue(w.out().contains("arena bytes: "), w.out());
    }
}
