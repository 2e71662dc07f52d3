package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.importer.TfliteImporter;
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

/** {@code tinyforge distill} end to end on small IDX files the test writes, and its one-line input errors. */
class DistillCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void idx(Path dir, String prefix, int n, byte[] px, byte[] labels) throws Exception {
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"),
                ByteBuffer.allocate(16 + px.length).putInt(0x803).putInt(n).putInt(28).putInt(28).put(px).array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"),
                ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n).put(labels).array());
    }

    @Test
    void distillWritesAFloatStudentThatEvaluatesAndRejectsBadInputOnOneLine(@TempDir Path dir) throws Exception {
        io.tinyforge.data.LabeledImages d = io.tinyforge.train.SyntheticImagesAccess.make(192);
        idx(dir, "train", 128, Arrays.copyOfRange(d.pixels(), 0, 128 * 784), Arrays.copyOfRange(d.labels(), 0, 128));
        idx(dir, "t10k", 64, Arrays.copyOfRange(d.pixels(), 128 * 784, 192 * 784),
                Arrays.copyOfRange(d.labels(), 128, 192));
        Path teacher = dir.resolve("teacher.tflite");
        Result t = run("train", "--dataset", "mnist", "--data", dir.toString(), "--epochs", "1", "--out",
                teacher.toString(), "--arch", "c4-p-d10", "--batch", "32");
        assertEquals(0, t.code(), t.err());

        Path out = dir.resolve("s/student.tflite");
        Result r = run("distill", "--teacher", teacher.toString(), "--student-arch", "c2-p-d10", "--data",
                dir.toString(), "--dataset", "mnist", "--epochs", "1", "--batch", "32", "--temperature", "2",
                "--alpha", "0.5", "--feature-layer", "pool1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("distilled c4-p-d10 (7,890 parameters) into c2-p-d10 (3,950 parameters, 1/2.0)"
                + " on 128 mnist images, 1 epoch(s), T 2.0, alpha 0.5, feature pool1 x 1.0"), r.out());
        assertTrue(r.out().matches("(?s).*test accuracy \\(ND4J, 64 images\\): teacher [01]\\.\\d{4}, student "
                + "[01]\\.\\d{4}\n.*"), r.out());
        Graph g = TfliteImporter.load(out);
        assertEquals(OpType.SOFTMAX, g.operators().get(g.operators().size() - 1).type());
        Result ev = run("evaluate", out.toString(), "--dataset", "mnist", "--data", dir.toString());
        assertEquals(0, ev.code(), ev.err());
        Path q = dir.resolve("student_int8.tflite");
        Result quant = run("quantize", out.toString(), "--calib", "synthetic:8", "--out", q.toString());
        assertEquals(0, quant.code(), quant.err());

        Path none = dir.resolve("none.tflite");
        String[] base = {"distill", "--teacher", teacher.toString(), "--student-arch", "c2-p-d10", "--data",
            dir.toString(), "--out", none.toString()};
        Result alpha = run(concat(base, "--alpha", "1.5"));
        assertEquals(2, alpha.code());
        assertEquals("tinyforge: --alpha must be a number between 0 and 1, not '1.5'\n", alpha.err());
        Result layer = run(concat(base, "--feature-layer", "conv9"));
        assertEquals(2, layer.code());
        assertEquals("tinyforge: --feature-layer: the teacher (c4-p-d10) has no layer 'conv9'; its layers: "
                + "conv1 28x28x4, pool1 14x14x4\n", layer.err());
        Path int8 = dir.resolve("int8.tflite");
        Files.write(int8, TfliteWriter.write(FixtureModels.defaultModel()));
        Result notCnn = run("distill", "--teacher", int8.toString(), "--student-arch", "c2-p-d10", "--data",
                dir.toString(), "--out", none.toString());
        assertEquals(2, notCnn.code());
        assertTrue(notCnn.err().startsWith("tinyforge: distill --teacher needs a float32 CNN written by `tinyforge train`: "),
                notCnn.err());
        assertEquals(1, notCnn.err().split("\n").length, notCnn.err());
        assertFalse(Files.exists(none), "nothing written on bad input");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
