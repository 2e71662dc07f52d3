package io.tinyforge.hw;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FloatRecords;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Float32 and hybrid models as Cortex-M firmware in QEMU (built with -ffp-contract=off): the outputs equal the
 * Java reference byte for byte, on the hardware single-precision FPU of the M4F (mps2-an386) and with
 * soft-float on the M3 (lm3s6965evb), on seeded random inputs.
 */
class FloatModelsFirmwareTest {
    private static final int VECTORS = 2;

    @ParameterizedTest
    @CsvSource({
        "tflm_hello_world_fp32, qemu-mps2-an386",
        "tflm_hello_world_fp32, qemu-lm3s6965evb",
        "mlperf_tiny_ad01_fp32, qemu-mps2-an386",
        "mlperf_tiny_ad01_dynamic_range, qemu-mps2-an386",
        "mlperf_tiny_kws_ref_dynamic_range, qemu-mps2-an386"})
    void floatModelOnCortexMEqualsJavaReference(String model, String boardName) {
        HwTools.requireQemu();
        Graph g = TfliteImporter.load(SharedModels.model("float/" + model));
        PreparedModel m = PreparedModel.prepare(g);
        Board board = Boards.builtin().get(boardName);
        Path dir = HwTools.freshDir("float-" + model + "-" + boardName);
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions("m", "FloatModelsFirmwareTest " + model),
                dir.resolve("gen"));
        int floats = (int) (g.inputRecordBytes() / 4);
        byte[] inputs = FloatRecords.uniform(model.hashCode() + 3, VECTORS, floats, -2.0, 2.0);
        TestVectors vectors = TestVectors.of(ModelApi.read(gm.dir()), inputs, "seeded random floats");
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(600), HwTools.PLUGIN_DIR)
                .run(gm.dir(), vectors, dir.resolve("firmware"), "test");
        Interpreter java = new Interpreter(m);
        int n = (int) g.outputRecordBytes();
        for (int v = 0; v < VECTORS; v++) {
            byte[] expected = java.run(Arrays.copyOfRange(inputs, v * floats * 4, (v + 1) * floats * 4));
            Bytes.assertSame(model + " on " + boardName + " vector " + v + " vs Java reference", expected,
                    Arrays.copyOfRange(run.outputs(), v * n, (v + 1) * n), 4);
        }
        System.out.printf("%s on %s: %d vectors equal to Java, %.0f instructions/inference%n", model, boardName,
                VECTORS, run.meanInstructions());
    }
}
