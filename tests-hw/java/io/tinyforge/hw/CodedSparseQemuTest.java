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
 * Pruned course-shaped CNNs (seeded random weights, magnitude masks, full-int8 PTQ, zero-keeping clusters or none)
 * generated with entropy-coded sparse weights ({@code tfg_*_spc_s8}, Rice gaps and Huffman weights) and run on the
 * emulated Cortex-M4F (QEMU mps2-an386): every output equals the Java reference byte for byte.
 */
class CodedSparseQemuTest {

    @ParameterizedTest(name = "{0} sparsity {1}, cluster bits {2}")
    @CsvSource({"c8-p-c16-p-d10, 0.8, 4", "c8-p-c16-p-d10, 0.9, 0"})
    void codedSparseModelOnQemuEqualsJavaReference(String spec, double sparsity, int bits) throws Exception {
        HwTools.requireQemu();
        Graph q = PrunedCnns.int8(PrunedCnns.pruned(PrunedCnns.random(spec, 28, 17), sparsity), "pruned");
        if (bits > 0) {
            q = ZeroKeepingClusterer.cluster(q, ClusterOptions.of(bits)).graph();
        }
        String what = spec + " at " + sparsity + (bits > 0 ? " + " + bits + "-bit clusters" : "");
        Graph g = TfliteImporter.parse(TfliteWriter.write(q), "pruned", what);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        String tag = "coded-" + (int) (100 * sparsity) + "-" + bits;
        PreparedModel m = PreparedModel.prepare(g);
        GeneratedModel gm;
        String optimize = System.getProperty(io.tinyforge.codegen.Optimize.PROPERTY);
        System.setProperty(io.tinyforge.codegen.Optimize.PROPERTY, "size"); // coded filters are a size option
        try {
            gm = CodeGenerator.generate(m, new GeneratorOptions("m", "CodedSparseQemuTest " + what),
                    HwTools.freshDir(tag + "-gen"));
        } finally {
            if (optimize == null) {
                System.clearProperty(io.tinyforge.codegen.Optimize.PROPERTY);
            } else {
                System.setProperty(io.tinyforge.codegen.Optimize.PROPERTY, optimize);
            }
        }
        String modelC = Files.readString(gm.dir().resolve("model.c"));
        assertTrue(modelC.contains("tfg_conv2d_spc_s8(") && modelC.contains("tfg_fully_connected_spc_s8("),
                what + ": coded conv and dense kernels used");
        int count = 3;
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
