package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DSP-extension kernels and the pure C kernels they fall back to, both on the Cortex-M4 (qemu-mps2-an386):
 * the same generated model built as is (DSP path) and with {@code TFG_FORCE_REFERENCE} defined in
 * {@code tfg_config.h} (pure C path) reproduces every golden vector byte for byte, and the forced build
 * really runs other code (more instructions per inference).
 */
class DspForceReferenceFirmwareTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlperf_tiny_ad01_int8", "mlperf_tiny_kws_ref_int8"})
    void dspAndForcedReferenceBuildsBothMatchTheGoldens(String model) throws IOException {
        SharedModels.require();
        HwTools.requireQemu();
        Golden golden = SharedModels.golden(model);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        GeneratedModel gm = GeneratedModels.generate(model, HwTools.freshDir("dspref-gen-" + model));
        ModelApi api = ModelApi.read(gm.dir());
        TestVectors vectors = TestVectors.of(api, golden.inputs(), "TFLM golden inputs of " + model);
        FirmwareRunner runner = new FirmwareRunner(board, Duration.ofSeconds(300), HwTools.PLUGIN_DIR);

        FirmwareRun dsp = runner.run(gm.dir(), vectors, HwTools.freshDir("dspref-dsp-" + model), "test");
        assertGoldens(model + " (DSP kernels)", golden, dsp);

        Files.writeString(gm.dir().resolve("tfg_config.h"), "\n#define TFG_FORCE_REFERENCE 1\n",
                StandardOpenOption.APPEND);
        FirmwareRun ref = runner.run(gm.dir(), vectors, HwTools.freshDir("dspref-ref-" + model), "test");
        assertGoldens(model + " (TFG_FORCE_REFERENCE)", golden, ref);

        assertTrue(ref.meanInstructions() > dsp.meanInstructions(), model + ": forced pure C build ran "
                + ref.meanInstructions() + " instructions per inference, DSP build " + dsp.meanInstructions()
                + " (TFG_FORCE_REFERENCE had no effect)");
    }

    private static void assertGoldens(String what, Golden golden, FirmwareRun run) {
        for (int v = 0; v < golden.count(); v++) {
            Bytes.assertSame(what + " vector " + v, golden.output(v),
                    Arrays.copyOfRange(run.outputs(), v * golden.outputBytes(), (v + 1) * golden.outputBytes()), 1);
        }
        assertEquals(golden.count(), run.instructions().size(), what + ": one instruction count per vector");
    }
}
