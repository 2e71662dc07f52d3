package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyforge qat} and {@code cluster --fine-tune-epochs} on small IDX files the test writes. */
class QatCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void idx(Path dir, String prefix, LabeledImages d, int from, int to) throws Exception {
        int n = to - from;
        byte[] px = Arrays.copyOfRange(d.pixels(), from * 784, to * 784);
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"),
                ByteBuffer.allocate(16 + px.length).putInt(0x803).putInt(n).putInt(28).putInt(28).put(px).array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n)
                .put(Arrays.copyOfRange(d.labels(), from, to)).array());
    }

    @Test
    void qatWritesAnInt8ModelAndFineTunedClusteringKeepsItsFormat(@TempDir Path dir) throws Exception {
        LabeledImages d = io.tinyforge.train.SyntheticImagesAccess.make(192);
        idx(dir, "train", d, 0, 128);
        idx(dir, "t10k", d, 128, 192);
        Path cnn = dir.resolve("cnn.tflite");
        Result tr = run("train", "--dataset", "mnist", "--data", dir.toString(), "--epochs", "1", "--out",
                cnn.toString(), "--arch", "c4-p-d10", "--batch", "32");
        assertEquals(0, tr.code(), tr.err());

        Path out = dir.resolve("q/qat.tflite");
        Result q = run("qat", cnn.toString(), "--data", dir.toString(), "--epochs", "1", "--batch", "32",
                "--calib-images", "32", "--out", out.toString());
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().contains("QAT of cnn.tflite (c4-p-d10) on 128 images, 1 epoch(s), batch 32"), q.out());
        assertTrue(q.out().matches("(?s).*  l0_conv_relu     \\[0\\.00000, \\d+\\.\\d{5}\\]\n.*"), q.out());
        assertTrue(q.out().matches("(?s).*fake-quant ND4J [01]\\.\\d{4}, int8 Java reference [01]\\.\\d{4}\n.*"),
                q.out());
        Path twice = dir.resolve("q/qat2.tflite");
        assertEquals(0, run("qat", cnn.toString(), "--data", dir.toString(), "--epochs", "1", "--batch", "32",
                "--calib-images", "32", "--out", twice.toString()).code());
        assertTrue(Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(twice)),
                "same model, data and seed give the same bytes");
        Graph g = TfliteImporter.load(out);
        assertEquals(DType.INT8, g.tensor(g.inputs()[0]).dtype());
        assertTrue(g.operators().stream().anyMatch(op -> op.type() == OpType.CONV_2D));
        Result ev = run("evaluate", out.toString(), "--dataset", "mnist", "--data", dir.toString());
        assertEquals(0, ev.code(), ev.err());

        Result again = run("qat", out.toString(), "--data", dir.toString(), "--out", dir.resolve("x.tflite").toString());
        assertEquals(2, again.code());
        assertTrue(again.err().startsWith("tinyforge: qat needs a float32 CNN written by `tinyforge train`: "),
                again.err());
        assertEquals(1, again.err().lines().count(), again.err());
        assertFalse(Files.exists(dir.resolve("x.tflite")), "nothing written on error");
        assertEquals("tinyforge: missing --data\n", run("qat", cnn.toString(), "--out", "y.tflite").err());

        Path cl = dir.resolve("cl.tflite");
        Result c = run("cluster", cnn.toString(), "--bits", "2", "--fine-tune-epochs", "1", "--data", dir.toString(),
                "--out", cl.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().matches("(?s).*fine-tuned the centroids for 1 epoch\\(s\\) on 128 images.*"), c.out());
        Result inspect = run("inspect", cl.toString());
        assertTrue(inspect.out().contains("intended 2 bits (verified)"), inspect.out());
        Result noData = run("cluster", cnn.toString(), "--bits", "2", "--fine-tune-epochs", "1", "--out", "z.tflite");
        assertEquals("tinyforge: --fine-tune-epochs needs --data DIR (the IDX training set)\n", noData.err());
    }
}
