package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.prune.PrunedCnns;
import io.tinyforge.prune.ZeroKeepingClusterer;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pruned course-shaped CNNs (seeded random weights, magnitude masks, full-int8 PTQ, optionally zero-keeping 4-bit
 * clustering) generated with sparse weights ({@code tfg_*_sp_s8}, values and codebook variants) and run on the
 * emulated Cortex-M4F (QEMU mps2-an386): every output equals the Java reference byte for byte.
 */
class PrunedModelsQemuTest {

    @ParameterizedTest(name = "{0} sparsity {1}, cluster bits {2}")
    @CsvSource({"c8-p-c16-p-d10, 0.8, 0", "c8-p-c16-p-d10, 0.9, 0", "c8-p-c16-p-d10, 0.8, 4"})
    void sparseModelOnQemuEqualsJavaReference(String spec, double sparsity, int bits) throws Exception {
        HwTools.requireQemu();
        Graph q = PrunedCnns.int8(PrunedCnns.pruned(PrunedCnns.random(spec, 28, 17), sparsity), "pruned");
        if (bits > 0) {
            q = ZeroKeepingClusterer.cluster(q, ClusterOptions.of(bits)).graph();
        }
        String what = spec + " at " + sparsity + (bits > 0 ? " + " + bits + "-bit clusters" : "");
        Graph g = TfliteImporter.parse(TfliteWriter.write(q), "pruned", what);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        String tag = "pruned-" + (int) (100 * sparsity) + "-" + bits;
        PreparedModel m = PreparedModel.prepare(g);
        GeneratedModel gm;
        String coded = System.getProperty("tinyforge.sparse.coded");
        System.setProperty("tinyforge.sparse.coded", "off"); // the byte-aligned layout (CodedSparseQemuTest: coded)
        try {
            gm = CodeGenerator.generate(m, new GeneratorOptions("m", "PrunedModelsQemuTest " + what),
                    HwTools.freshDir(tag + "-gen"));
        } finally {
            if (coded == null) {
                System.clearProperty("tinyforge.sparse.coded");
            } else {
                System.setProperty("tinyforge.sparse.coded", coded);
            }
        }
        assertTrue(Files.readString(gm.dir().resolve("model.c")).contains("_sp_s8("), what + ": sparse kernels used");
        int count = 5;
        byte[] inputs = FixtureGraphs.randomRecords(g, count, 31);
        ModelApi api = ModelApi.read(gm.dir());
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(600), HwTools.PLUGIN_DIR)
                .run(gm.dir(), TestVectors.of(api, inputs, "seeded random inputs"), HwTools.freshDir(tag + "-fw"),
                        "test");
        Interpreter ref = new Interpreter(m);
        int n = (int) g.inputRecordBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int v = 0; v < count; v++) {
            expected.write(ref.run(Arrays.copyOfRange(inputs, v * n, (v + 1) * n)));
        }
        Bytes.assertSame(what + " on qemu-mps2-an386 (" + count + " vectors) vs Java reference",
                expected.toByteArray(), run.outputs(), 1);
        assertEquals(count, run.instructions().size(), "one instruction count per vector");
        System.out.printf("%s on qemu-mps2-an386: %d vectors bit-exact, %.0f instructions per inference%n", what,
                count, run.meanInstructions());
    }
}
