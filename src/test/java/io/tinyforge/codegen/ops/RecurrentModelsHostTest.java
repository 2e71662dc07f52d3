package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two recurrent models generated as C and run on the host through the real generator (arena-planned
 * state reset to its zero point, planned scratch): the whole model against TFLM's outputs on all 10 golden
 * vectors once every operator can be generated, and meanwhile the part from the first to the last
 * operator with an emitter (all SVDFs and FCs; LSTM, RESHAPE, FC) against the Java reference on all 10 vectors
 * and against TFLM's vector-0 intermediate.
 */
class RecurrentModelsHostTest {

    @TempDir
    Path tmp;

    @Test
    void keywordModelInCEqualsTflmOnAllVectors() {
        wholeModel("tflm_keyword_scrambled_8bit");
    }

    @Test
    void mnistLstmModelInCEqualsTflmOnAllVectors() {
        wholeModel("tflm_mnist_lstm_int8");
    }

    @Test
    void keywordSvdfAndFullyConnectedStackInCEqualsJavaAndTflm() {
        // ops 1..12: SVDF/FC x4, SVDF x3, FC; input tensor 0 (after QUANTIZE), output tensor 50 (before SOFTMAX)
        subgraph("tflm_keyword_scrambled_8bit", 1, 12, 0, 50);
    }

    @Test
    void mnistLstmReshapeFullyConnectedInCEqualsJavaAndTflm() {
        // ops 0..2: LSTM, RESHAPE, FC; output tensor 25 (before SOFTMAX)
        subgraph("tflm_mnist_lstm_int8", 0, 2, 0, 25);
    }

    private void wholeModel(String model) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        byte[] out = runC(g, "whole", gold.inputs());
        Bytes.assertSame(model + " generated C, all " + gold.count() + " vectors", gold.outputs(), out,
                g.output(0).dtype().size());
    }

    private void subgraph(String model, int firstOp, int lastOp, int inputTensor, int outputTensor) {
        Graph full = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        List<Operator> ops = new ArrayList<>();
        for (int i = firstOp; i <= lastOp; i++) {
            Operator o = full.operators().get(i);
            ops.add(new Operator(ops.size(), o.type(), o.inputs(), o.outputs(), o.options(), o.intermediates()));
        }
        Graph part = new Graph(full.name() + "_part", full.tensors(), ops, new int[] {inputTensor},
                new int[] {outputTensor}, full.sha256());
        // inputs of the part: what the full Java model (equal to TFLM, see ModelGoldenTest) holds there
        Interpreter whole = new Interpreter(full);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (int v = 0; v < gold.count(); v++) {
            whole.run(gold.input(v));
            in.writeBytes(whole.store().bytes(inputTensor));
        }
        byte[] records = in.toByteArray();
        Interpreter java = new Interpreter(part);
        int inBytes = (int) part.inputRecordBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += inBytes) {
            expected.writeBytes(java.run(Arrays.copyOfRange(records, off, off + inBytes)));
        }
        byte[] actual = runC(part, "part", records);
        int size = full.tensor(outputTensor).dtype().size();
        Bytes.assertSame(model + " ops " + firstOp + ".." + lastOp + " generated C vs Java, " + gold.count()
                + " vectors", expected.toByteArray(), actual, size);
        for (Golden.Intermediate t : gold.intermediates()) {
            if (t.tensorIndex() == outputTensor) {
                Bytes.assertSame(model + " ops " + firstOp + ".." + lastOp + " generated C vs TFLM tensor "
                        + outputTensor + " (vector 0)", gold.intermediate(t),
                        Arrays.copyOfRange(actual, 0, t.bytes()), size);
            }
        }
    }

    private byte[] runC(Graph g, String name, byte[] records) {
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions(name, "test " + name);
        GeneratedModel gm;
        try {
            gm = CodeGenerator.generate(m, opt, tmp.resolve(name + "_gen"));
        } catch (ModelException e) {
            assumeTrue(!e.getMessage().contains("cannot be generated as C yet"), "skipped: " + e.getMessage());
            throw e;
        }
        HostProgram p = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve(name + "_build"));
        return p.run(records);
    }
}
