package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
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
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clustered kws and vww (4 and 2 bits per tensor) generated with codebook weights and run on the emulated
 * Cortex-M4F (QEMU mps2-an386): every golden input's output must equal the Java reference on the clustered model
 * byte for byte. Prints the instructions per inference.
 */
class ClusteredModelsQemuTest {

    @ParameterizedTest(name = "{0} {1} bits")
    @CsvSource({"mlperf_tiny_kws_ref_int8, 4", "mlperf_tiny_kws_ref_int8, 2", "mlperf_tiny_vww_96_int8, 4",
        "mlperf_tiny_vww_96_int8, 2"})
    void clusteredModelOnQemuEqualsJavaReference(String model, int bits) throws Exception {
        SharedModels.require();
        HwTools.requireQemu();
        Graph original = TfliteImporter.load(SharedModels.model(model));
        Graph g = TfliteImporter.parse(TfliteWriter.write(WeightClusterer.cluster(original,
                new ClusterOptions(bits, false, Init.LINEAR, 0, 300)).graph()), model, "clustered " + model);
        Golden gold = SharedModels.golden(model);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        String tag = model + "-cb" + bits;
        PreparedModel m = PreparedModel.prepare(g);
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions("m", "ClusteredModelsQemuTest " + model),
                HwTools.freshDir(tag + "-gen"));
        assertTrue(Files.readString(gm.dir().resolve("model.c")).contains("_cb_s8("), "codebook kernels used");
        ModelApi api = ModelApi.read(gm.dir());
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(600), HwTools.PLUGIN_DIR)
                .run(gm.dir(), TestVectors.of(api, gold.inputs(), "TFLM golden inputs"), HwTools.freshDir(tag + "-fw"),
                        "test");
        Interpreter ref = new Interpreter(m);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int v = 0; v < gold.count(); v++) {
            expected.write(ref.run(gold.input(v)));
        }
        Bytes.assertSame(model + " clustered " + bits + " bits on qemu-mps2-an386 (" + gold.count()
                + " vectors) vs Java reference", expected.toByteArray(), run.outputs(), g.output(0).dtype().size());
        assertEquals(gold.count(), run.instructions().size(), "one instruction count per vector");
        System.out.printf("%s clustered %d bits on qemu-mps2-an386: %d vectors bit-exact, %.0f instructions per "
                + "inference%n", model, bits, gold.count(), run.meanInstructions());
    }
}
