package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import io.tinyforge.refimpl.ops.SvdfKernel;
import io.tinyforge.refimpl.ops.UnidirectionalSequenceLstmKernel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import io.tinyforge.testing.SingleOpC;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recurrent operators as generated host C (emitter + template + runtime-c kernel, compiled with -Werror):
 * after one run from reset, outputs and state equal TFLM's vector-0 intermediates byte for byte; after three
 * runs (state carried over) they equal the Java reference.
 */
class RecurrentHostCTest {

    @TempDir
    Path tmp;

    @Test
    void svdfInCMatchesTflmAfterOneRunAndJavaAfterThree() {
        int n = check("tflm_keyword_scrambled_8bit", OpType.SVDF, new SvdfKernel(), new SvdfEmitter());
        assertEquals(7, n);
    }

    @Test
    void lstmInCMatchesTflmAfterOneRunAndJavaAfterThree() {
        int n = check("tflm_mnist_lstm_int8", OpType.UNIDIRECTIONAL_SEQUENCE_LSTM,
                new UnidirectionalSequenceLstmKernel(), new UnidirectionalSequenceLstmEmitter());
        assertEquals(1, n);
    }

    private <P extends OpParams> int check(String model, OpType type, OpKernel<P> kernel, OpEmitter<P> emitter) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        Map<Integer, Golden.Intermediate> byTensor = new HashMap<>();
        for (Golden.Intermediate t : gold.intermediates()) {
            byTensor.put(t.tensorIndex(), t);
        }
        int checked = 0;
        for (Operator op : g.operators()) {
            if (op.type() != type) {
                continue;
            }
            P p = kernel.prepare(g, op, PrepareContext.DEFAULT);
            TensorStore store = new TensorStore(g);
            List<Integer> reads = new ArrayList<>();
            List<Integer> states = new ArrayList<>();
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            for (int t : op.inputs()) {
                if (t < 0 || g.tensor(t).isConstant()) {
                    continue;
                }
                reads.add(t);
                if (g.tensor(t).variable()) {
                    states.add(t);
                } else {
                    byte[] src = gold.intermediate(byTensor.get(t));
                    System.arraycopy(src, 0, store.bytes(t), 0, src.length);
                }
                in.writeBytes(store.bytes(t));
            }
            List<Integer> writes = new ArrayList<>();
            for (int t : op.outputs()) {
                writes.add(t);
            }
            writes.addAll(states);
            Path dir = tmp.resolve("op" + op.index());
            byte[] once = SingleOpC.run(g, p, emitter, 1, reads, in.toByteArray(), writes, dir.resolve("once"));
            byte[] thrice = SingleOpC.run(g, p, emitter, 3, reads, in.toByteArray(), writes, dir.resolve("thrice"));
            int off = 0;
            for (int t : writes) {
                int len = (int) g.tensor(t).bytes();
                int size = g.tensor(t).dtype().size();
                Golden.Intermediate gt = byTensor.get(t);
                if (gt != null) {
                    Bytes.assertSame(model + " op" + op.index() + " " + type + " C tensor " + t + " after 1 run",
                            gold.intermediate(gt), Arrays.copyOfRange(once, off, off + len), size);
                }
                off += len;
            }
            for (int r = 0; r < 3; r++) {
                kernel.eval(p, store);
            }
            off = 0;
            for (int t : writes) {
                int len = (int) g.tensor(t).bytes();
                Bytes.assertSame(model + " op" + op.index() + " " + type + " C vs Java tensor " + t + " after 3 runs",
                        store.bytes(t), Arrays.copyOfRange(thrice, off, off + len), g.tensor(t).dtype().size());
                off += len;
            }
            checked++;
        }
        return checked;
    }
}
