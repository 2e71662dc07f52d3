package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The six models built from CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED, generated as C and run whole on an
 * emulated Cortex-M4F (QEMU mps2-an386, DSP core) and Cortex-M3 (lm3s6965evb, where the model fits): every
 * golden vector must equal TFLM's output byte for byte. Prints the instructions per inference.
 */
class ConvModelsQemuTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "tflm_hello_world_int8, qemu-mps2-an386",
        "mlperf_tiny_ad01_int8, qemu-mps2-an386",
        "tflm_micro_speech_int8, qemu-mps2-an386",
        "mlperf_tiny_str_ww_int8, qemu-mps2-an386",
        "mlperf_tiny_kws_ref_int8, qemu-mps2-an386",
        "mlperf_tiny_vww_96_int8, qemu-mps2-an386",
        "tflm_hello_world_int8, qemu-lm3s6965evb",
        "mlperf_tiny_kws_ref_int8, qemu-lm3s6965evb"})
    void wholeModelOnQemuEqualsTflmGoldens(String model, String boardName) {
        SharedModels.require();
        HwTools.requireQemu();
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        Board board = Boards.builtin().get(boardName);
        String tag = model + "-" + boardName;
        GeneratedModel gm = CodeGenerator.generate(PreparedModel.prepare(g), new GeneratorOptions("m",
                "ConvModelsQemuTest " + model), HwTools.freshDir(tag + "-gen"));
        ModelApi api = ModelApi.read(gm.dir());
        Path fw = HwTools.freshDir(tag + "-fw");
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(300), HwTools.PLUGIN_DIR)
                .run(gm.dir(), TestVectors.of(api, gold.inputs(), "TFLM goldens"), fw, "test");
        Bytes.assertSame(model + " on " + boardName + " (" + gold.count() + " vectors) vs TFLM goldens",
                gold.outputs(), run.outputs(), g.output(0).dtype().size());
        assertEquals(gold.count(), run.instructions().size(), "one instruction count per vector");
        System.out.printf("%s on %s: %d vectors bit-exact, %.0f instructions per inference%n", model, boardName,
                gold.count(), run.meanInstructions());
    }
}
