package io.tinyforge.hw;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.codegen.ops.ActivationGraphs;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SOFTMAX, LOGISTIC and TANH generated C on an emulated Cortex-M4F (QEMU mps2-an386): micro_speech (which ends
 * in a softmax) against TFLM's goldens, and the activation fixtures against the Java reference, byte for byte.
 */
class ActivationOpsQemuTest {

    private static final String BOARD = "qemu-mps2-an386";

    private static byte[] onQemu(PreparedModel m, String name, byte[] records) {
        HwTools.requireQemu();
        Board board = Boards.builtin().get(BOARD);
        Path gen = HwTools.freshDir(name + "-gen");
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions(name, "test " + name), gen);
        ModelApi api = ModelApi.read(gm.dir());
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(120), HwTools.PLUGIN_DIR)
                .run(gm.dir(), TestVectors.of(api, records, "test"), HwTools.freshDir(name + "-fw"), "test");
        return run.outputs();
    }

    private static byte[] java(PreparedModel m, byte[] records) {
        Interpreter it = new Interpreter(m);
        int in = (int) m.graph().inputRecordBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += in) {
            out.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
        }
        return out.toByteArray();
    }

    @Test
    void microSpeechOnCortexM4EqualsTflmGoldens() {
        SharedModels.require();
        Graph g = TfliteImporter.load(SharedModels.model("tflm_micro_speech_int8"));
        Golden gold = SharedModels.golden("tflm_micro_speech_int8");
        byte[] out = onQemu(PreparedModel.prepare(g), "micro_speech_act", gold.inputs());
        Bytes.assertSame("tflm_micro_speech_int8 on " + BOARD + " vs TFLM goldens", gold.outputs(), out, 1);
    }

    @Test
    void activationFixturesOnCortexM4EqualJava() {
        int i = 0;
        for (Graph g : ActivationGraphs.singleOps()) {
            PreparedModel m = PreparedModel.prepare(g);
            byte[] records = FixtureGraphs.randomRecords(g, 4, 7 + i);
            Bytes.assertSame(g.name() + " on " + BOARD + " vs Java", java(m, records),
                    onQemu(m, "act_op" + i, records), g.output(0).dtype().size());
            i++;
        }
        Graph chain = ActivationGraphs.chain();
        PreparedModel m = PreparedModel.prepare(chain);
        byte[] records = FixtureGraphs.randomRecords(chain, 4, 3);
        Bytes.assertSame("activation chain on " + BOARD + " vs Java", java(m, records),
                onQemu(m, "act_chain", records), 1);
    }
}
