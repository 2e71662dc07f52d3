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
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The two recurrent models generated as C, built as firmware for a Cortex-M4 and run in QEMU (mps2-an386):
 * every output byte of all 10 golden vectors equals TFLM's.
 */
class RecurrentFirmwareTest {

    @Test
    void keywordSvdfModelOnCortexM4EqualsTflm() {
        onQemu("tflm_keyword_scrambled_8bit", "keyword");
    }

    @Test
    void mnistLstmModelOnCortexM4EqualsTflm() {
        onQemu("tflm_mnist_lstm_int8", "mnist_lstm");
    }

    private static void onQemu(String model, String name) {
        HwTools.requireQemu();
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        PreparedModel m = PreparedModel.prepare(g);
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions(name, "test " + name),
                HwTools.freshDir("rnn-gen-" + name));
        Board board = Boards.builtin().get("qemu-mps2-an386");
        ModelApi api = ModelApi.read(gm.dir());
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(120), null).run(gm.dir(),
                TestVectors.of(api, gold.inputs(), "TFLM golden inputs"), HwTools.freshDir("rnn-fw-" + name),
                "test");
        Bytes.assertSame(model + " on Cortex-M4 (QEMU) vs TFLM, " + gold.count() + " vectors", gold.outputs(),
                run.outputs(), g.output(0).dtype().size());
    }
}
