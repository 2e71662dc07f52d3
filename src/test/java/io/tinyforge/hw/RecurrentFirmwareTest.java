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
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recurrent kernels on a Cortex-M4 in QEMU (mps2-an386): the SVDF/FC stack of the keyword model and the
 * LSTM/RESHAPE/FC part of the mnist model, generated as C and built as firmware, give the Java reference's
 * bytes on all 10 golden vectors (Java equals TFLM there, see ModelGoldenTest).
 */
class RecurrentFirmwareTest {

    @Test
    void keywordSvdfStackOnCortexM4EqualsJava() {
        onQemu("tflm_keyword_scrambled_8bit", 1, 12, 0, 50);
    }

    @Test
    void mnistLstmPartOnCortexM4EqualsJava() {
        onQemu("tflm_mnist_lstm_int8", 0, 2, 0, 25);
    }

    private static void onQemu(String model, int firstOp, int lastOp, int inputTensor, int outputTensor) {
        HwTools.requireQemu();
        Graph full = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        List<Operator> ops = new ArrayList<>();
        for (int i = firstOp; i <= lastOp; i++) {
            Operator o = full.operators().get(i);
            ops.add(new Operator(ops.size(), o.type(), o.inputs(), o.outputs(), o.options(), o.intermediates()));
        }
        Graph part = new Graph("rnn_part", full.tensors(), ops, new int[] {inputTensor}, new int[] {outputTensor},
                full.sha256());
        Interpreter whole = new Interpreter(full);
        Interpreter java = new Interpreter(part);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int v = 0; v < gold.count(); v++) {
            whole.run(gold.input(v));
            byte[] x = Arrays.copyOf(whole.store().bytes(inputTensor), whole.store().bytes(inputTensor).length);
            in.writeBytes(x);
            expected.writeBytes(java.run(x));
        }
        PreparedModel m = PreparedModel.prepare(part);
        String name = model.replace("tflm_", "").replace("_8bit", "").replace("_int8", "");
        GeneratorOptions opt = new GeneratorOptions("rnn", "test " + name);
        GeneratedModel gm = CodeGenerator.generate(m, opt, HwTools.freshDir("rnn-gen-" + name));
        Board board = Boards.builtin().get("qemu-mps2-an386");
        ModelApi api = ModelApi.read(gm.dir());
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(120), null).run(gm.dir(),
                TestVectors.of(api, in.toByteArray(), "golden inputs through the Java model"),
                HwTools.freshDir("rnn-fw-" + name), "test");
        Bytes.assertSame(model + " ops " + firstOp + ".." + lastOp + " on Cortex-M4 (QEMU) vs Java",
                expected.toByteArray(), run.outputs(), full.tensor(outputTensor).dtype().size());
    }
}
