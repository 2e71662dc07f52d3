package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.prune.PrunedCnns;
import io.tinyforge.prune.PruningMetadata;
import io.tinyforge.prune.SparsityStats;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.SyntheticImagesAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyforge prune} end to end on small IDX files the test writes (one short fine-tuning epoch). */
class PruneCommandTest {

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

    private static Path data(Path dir) throws Exception {
        LabeledImages d = SyntheticImagesAccess.make(160);
        idx(dir, "train", 96, Arrays.copyOfRange(d.pixels(), 0, 96 * 784), Arrays.copyOfRange(d.labels(), 0, 96));
        idx(dir, "t10k", 64, Arrays.copyOfRange(d.pixels(), 96 * 784, 160 * 784), Arrays.copyOfRange(d.labels(), 96, 160));
        return dir;
    }

    @Test
    void unstructuredPruningMeetsTheSparsityExactlyAndRecordsIt(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        Path base = dir.resolve("base.tflite");
        Files.write(base, CnnGraph.tflite(PrunedCnns.random("c4-p-c6-p-d10", 28, 2), "base"));
        Path out = dir.resolve("p.tflite");
        Result r = run("prune", base.toString(), "--data", data.toString(), "--sparsity", "0.75", "--schedule",
                "constant", "--epochs", "1", "--batch", "32", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("magnitude pruning, constant schedule to 75.0 % zeros"), r.out());
        Graph g = TfliteImporter.load(out);
        assertTrue(PruningMetadata.present(g), "tinyforge.pruning metadata written");
        SparsityStats st = SparsityStats.of(g);
        assertEquals(0, st.layers().get(0).zeros(), "the first convolution stays dense");
        long all = st.elements();
        long rest = all - st.layers().get(0).elements();
        for (SparsityStats.Layer l : st.layers().subList(1, st.layers().size())) {
            assertEquals(Math.round(0.75 * all / rest * l.elements()), l.zeros(), "layer " + l.name() + " zeros");
        }
        assertEquals(0.75, st.sparsity(), 0.005, "the model as a whole meets --sparsity");
        Result again = run("prune", base.toString(), "--data", data.toString(), "--sparsity", "0.75", "--schedule",
                "constant", "--epochs", "1", "--batch", "32", "--out", dir.resolve("p2.tflite").toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(dir.resolve("p2.tflite"))),
                "same inputs and seed give the same file");
    }

    @Test
    void structuredPruningWritesASmallerDenseNetwork(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        Path base = dir.resolve("base.tflite");
        Files.write(base, CnnGraph.tflite(PrunedCnns.random("c4-p-c6-p-d10", 28, 2), "base"));
        Path out = dir.resolve("s.tflite");
        Result r = run("prune", base.toString(), "--data", data.toString(), "--sparsity", "0.5", "--structured",
                "--epochs", "1", "--batch", "32", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("c4-p-c6-p-d10 -> c2-p-c3-p-d10"), r.out());
        Graph g = TfliteImporter.load(out);
        assertEquals(Arrays.toString(new int[] {3, 3, 3, 2}), Arrays.toString(g.tensor(g.operators().get(2).input(1))
                .shape().dims()), "second conv: 3 filters over 2 input channels");
        assertEquals(Arrays.toString(new int[] {10, 7 * 7 * 3}), Arrays.toString(g.tensor(g.operators().get(5).input(1))
                .shape().dims()));
    }

    @Test
    void badInputGivesOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        Path base = dir.resolve("base.tflite");
        Files.write(base, CnnGraph.tflite(PrunedCnns.random("c4-p-d10", 28, 2), "base"));
        Path out = dir.resolve("o.tflite");
        Result s = run("prune", base.toString(), "--data", data.toString(), "--sparsity", "1.2", "--out", out.toString());
        assertEquals(2, s.code());
        assertEquals("tinyforge: --sparsity must be in [0, 1) (e.g. 0.8 for 80 % zeros), not 1.2\n", s.err());
        Result sch = run("prune", base.toString(), "--data", data.toString(), "--sparsity", "0.5", "--schedule", "cubic",
                "--out", out.toString());
        assertEquals("tinyforge: --schedule must be polynomial or constant, not 'cubic'\n", sch.err());
        Path int8 = dir.resolve("int8.tflite");
        Files.write(int8, TfliteWriter.write(FixtureModels.defaultModel()));
        Result q = run("prune", int8.toString(), "--data", data.toString(), "--sparsity", "0.5", "--out", out.toString());
        assertEquals(2, q.code());
        assertTrue(q.err().startsWith("tinyforge: prune needs a float32 CNN written by `tinyforge train`: "),
                q.err());
        assertEquals(1, q.err().lines().count(), q.err());
        Result none = run("prune", dir.resolve("none.tflite").toString(), "--data", data.toString(), "--sparsity", "0.5",
                "--out", out.toString());
        assertEquals(2, none.code());
        assertFalse(Files.exists(out), "nothing written");
    }
}
