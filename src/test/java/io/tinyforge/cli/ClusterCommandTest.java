package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.cluster.ClusteringMetadata;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandTest {

    @TempDir
    Path tmp;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void clustersWritesAndInspectShowsIt() throws Exception {
        Path in = tmp.resolve("fc.tflite");
        Files.write(in, TfliteWriter.write(FixtureModels.forOp(OpType.FULLY_CONNECTED)));
        Path outModel = tmp.resolve("fc2.tflite");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(out, err, "cluster", in.toString(), "--bits", "2", "--init", "kmeans++", "--seed", "5",
                "--out", outModel.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        // 128 int8 weights: 4 codebook entries + 32 bytes of 2-bit indices
        assertTrue(text.contains("weights: 128 bytes dense -> 36 bytes"), text);
        assertTrue(text.contains("FULLY_CONNECTED"), text);
        Graph g = TfliteImporter.load(outModel);
        assertEquals(2, ClusteringMetadata.of(g).get(0).bits());

        ByteArrayOutputStream insp = new ByteArrayOutputStream();
        assertEquals(0, run(insp, err, "inspect", outModel.toString()));
        String s = insp.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains("intended 2 bits (verified)") && s.contains("codebook per tensor 2b"), s);
        assertTrue(s.contains("compressed weight bytes:"), s);
    }

    @Test
    void badBitsIsAUsageError() throws Exception {
        Path in = tmp.resolve("fc.tflite");
        Files.write(in, TfliteWriter.write(FixtureModels.forOp(OpType.FULLY_CONNECTED)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(out, err, "cluster", in.toString(), "--bits", "9", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bits must be in 2..8"));
        assertEquals(2, run(out, err, "cluster", in.toString(), "--bits", "4", "--init", "random", "--out",
                tmp.resolve("x").toString()));
    }
}
