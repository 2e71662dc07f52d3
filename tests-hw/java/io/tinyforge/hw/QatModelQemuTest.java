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
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.train.QatFixture;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A QAT-converted int8 CNN (train → qat → int8) generated as C and run on an emulated Cortex-M4F (QEMU
 * mps2-an386, DSP kernels): every output record equals the Java reference byte for byte.
 */
class QatModelQemuTest {

    @Test
    void qatInt8ModelOnQemuEqualsJavaReference() {
        HwTools.requireQemu();
        Graph g = QatFixture.model();
        int vectors = 8;
        byte[] in = QatFixture.inputs(g, vectors);
        PreparedModel m = PreparedModel.prepare(g);
        Interpreter java = new Interpreter(m);
        int inBytes = (int) g.inputRecordBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int v = 0; v < vectors; v++) {
            expected.writeBytes(java.run(Arrays.copyOfRange(in, v * inBytes, (v + 1) * inBytes)));
        }
        Board board = Boards.builtin().get("qemu-mps2-an386");
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions("qat", "QatModelQemuTest"),
                HwTools.freshDir("qat-an386-gen"));
        Path fw = HwTools.freshDir("qat-an386-fw");
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(300), HwTools.PLUGIN_DIR)
                .run(gm.dir(), TestVectors.of(ModelApi.read(gm.dir()), in, "QAT fixture"), fw, "test");
        io.tinyforge.testing.Bytes.assertSame("qat_fixture on qemu-mps2-an386 (" + vectors
                + " vectors) vs Java reference", expected.toByteArray(), run.outputs(), 1);
        System.out.printf("qat_fixture on qemu-mps2-an386: %d vectors bit-exact, %.0f instructions per inference%n",
                vectors, run.meanInstructions());
    }
}
