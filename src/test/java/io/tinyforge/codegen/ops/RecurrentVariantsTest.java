package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.LstmOptions;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SvdfOptions;
import io.tinyforge.ir.Tensor;
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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configurations the two golden models do not exercise, built from their real weights: several batches,
 * time-major LSTM input, a hidden state zero point, SVDF rank 2 and int16 state, single rounding. Java is
 * checked against itself where the definition says what must hold (batches are independent; time-major is a
 * transpose), and the C kernels against Java byte for byte (two runs, so state is carried over).
 */
class RecurrentVariantsTest {

    private static final String LSTM_MODEL = "tflm_mnist_lstm_int8";
    private static final String SVDF_MODEL = "tflm_keyword_scrambled_8bit";

    @TempDir
    Path tmp;

    @Test
    void lstmBatchesAreIndependentAndTimeMajorIsTheTransposeInJavaAndC() {
        Graph base = TfliteImporter.load(SharedModels.model(LSTM_MODEL));
        Golden gold = SharedModels.golden(LSTM_MODEL);
        int b = 3;
        int t = 28;
        int in = 28;
        int s = 20;
        byte[][] single = new byte[b][];
        for (int k = 0; k < b; k++) {
            single[k] = runJava(base, base.operators().get(0), new UnidirectionalSequenceLstmKernel(),
                    Rounding.DOUBLE, 1, gold.input(k))[0];
        }
        byte[] batchMajorIn = new byte[b * t * in];
        byte[] timeMajorIn = new byte[b * t * in];
        for (int k = 0; k < b; k++) {
            byte[] x = gold.input(k);
            System.arraycopy(x, 0, batchMajorIn, k * t * in, t * in);
            for (int step = 0; step < t; step++) {
                System.arraycopy(x, step * in, timeMajorIn, (step * b + k) * in, in);
            }
        }
        Graph bm = lstmVariant(base, b, false);
        Graph tm = lstmVariant(base, b, true);
        byte[] bmOut = runJava(bm, bm.operators().get(0), new UnidirectionalSequenceLstmKernel(), Rounding.DOUBLE, 1,
                batchMajorIn)[0];
        byte[] tmOut = runJava(tm, tm.operators().get(0), new UnidirectionalSequenceLstmKernel(), Rounding.DOUBLE, 1,
                timeMajorIn)[0];
        for (int k = 0; k < b; k++) {
            Bytes.assertSame("LSTM batch-major batch " + k + " vs single batch", single[k],
                    Arrays.copyOfRange(bmOut, k * t * s, (k + 1) * t * s), 1);
            byte[] fromTm = new byte[t * s];
            for (int step = 0; step < t; step++) {
                System.arraycopy(tmOut, (step * b + k) * s, fromTm, step * s, s);
            }
            Bytes.assertSame("LSTM time-major batch " + k + " vs single batch", single[k], fromTm, 1);
        }
        // a hidden state with a non-zero zero point (the model's is 0): the recurrent offset is exercised too
        List<Tensor> ts = new ArrayList<>(bm.tensors());
        Tensor h = ts.get(16);
        ts.set(16, new Tensor(16, h.name(), h.shape(), h.dtype(),
                io.tinyforge.ir.QuantParams.perTensor(h.quant().scale(), 7), null, true));
        Graph hz = new Graph("lstm_hidden_zp", ts, bm.operators(), bm.inputs(), bm.outputs(), bm.sha256());
        cMatchesJava(hz, new UnidirectionalSequenceLstmKernel(), new UnidirectionalSequenceLstmEmitter(),
                Rounding.DOUBLE, batchMajorIn, "lstm_hidden_zp");
        for (Rounding r : Rounding.values()) {
            cMatchesJava(bm, new UnidirectionalSequenceLstmKernel(), new UnidirectionalSequenceLstmEmitter(), r,
                    batchMajorIn, "lstm_bm_" + r);
            cMatchesJava(tm, new UnidirectionalSequenceLstmKernel(), new UnidirectionalSequenceLstmEmitter(), r,
                    timeMajorIn, "lstm_tm_" + r);
        }
    }

    @Test
    void svdfBatchesAreIndependentInJavaAndRankTwoInt16StateAndSingleRoundingMatchInC() {
        Graph base = TfliteImporter.load(SharedModels.model(SVDF_MODEL));
        Operator op9 = base.operators().get(9); // input 32 [1,16], state 36 [1,1024], output 37 [1,32]
        int b = 2;
        byte[] x = new byte[b * 16];
        new Random(7).nextBytes(x);
        Graph batched = svdfVariant(base, op9, b, 1);
        byte[][] all = runJava(batched, batched.operators().get(0), new SvdfKernel(), Rounding.DOUBLE, 2, x);
        Graph one = svdfVariant(base, op9, 1, 1);
        for (int k = 0; k < b; k++) {
            byte[][] single = runJava(one, one.operators().get(0), new SvdfKernel(), Rounding.DOUBLE, 2,
                    Arrays.copyOfRange(x, k * 16, (k + 1) * 16));
            Bytes.assertSame("SVDF batch " + k + " output vs single batch", single[0],
                    Arrays.copyOfRange(all[0], k * 32, (k + 1) * 32), 1);
            Bytes.assertSame("SVDF batch " + k + " state vs single batch", single[1],
                    Arrays.copyOfRange(all[1], k * 1024, (k + 1) * 1024), 1);
        }
        Graph rank2 = svdfVariant(base, op9, b, 2);
        Graph wide = int16State(batched, op9);
        for (Rounding r : Rounding.values()) {
            cMatchesJava(batched, new SvdfKernel(), new SvdfEmitter(), r, x, "svdf_b2_" + r);
            cMatchesJava(rank2, new SvdfKernel(), new SvdfEmitter(), r, x, "svdf_rank2_" + r);
            cMatchesJava(wide, new SvdfKernel(), new SvdfEmitter(), r, x, "svdf_int16_" + r);
        }
    }

    /** Runs the graph's only operator {@code repeat} times from reset; returns its output, then its states. */
    private static <P extends OpParams> byte[][] runJava(Graph g, Operator op, OpKernel<P> k, Rounding r, int repeat,
            byte[] input) {
        P p = k.prepare(g, op, new PrepareContext(r));
        TensorStore store = new TensorStore(g);
        System.arraycopy(input, 0, store.bytes(op.input(0)), 0, input.length);
        for (int i = 0; i < repeat; i++) {
            k.eval(p, store);
        }
        List<byte[]> out = new ArrayList<>();
        out.add(store.bytes(op.output(0)).clone());
        for (int t : op.inputs()) {
            if (t >= 0 && g.tensor(t).variable()) {
                out.add(store.bytes(t).clone());
            }
        }
        return out.toArray(new byte[0][]);
    }

    private <P extends OpParams> void cMatchesJava(Graph g, OpKernel<P> k, OpEmitter<P> e, Rounding r, byte[] input,
            String name) {
        Operator op = g.operators().get(0);
        P p = k.prepare(g, op, new PrepareContext(r));
        TensorStore reset = new TensorStore(g);
        List<Integer> reads = new ArrayList<>();
        List<Integer> writes = new ArrayList<>(List.of(op.output(0)));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        reads.add(op.input(0));
        in.writeBytes(input);
        for (int t : op.inputs()) {
            if (t >= 0 && g.tensor(t).variable()) {
                reads.add(t);
                writes.add(t);
                in.writeBytes(reset.bytes(t));
            }
        }
        byte[] c = SingleOpC.run(g, p, e, 2, reads, in.toByteArray(), writes, tmp.resolve(name), r);
        byte[][] java = runJava(g, op, k, r, 2, input);
        int off = 0;
        for (int i = 0; i < writes.size(); i++) {
            int size = g.tensor(writes.get(i)).dtype().size();
            Bytes.assertSame(name + " C vs Java tensor " + writes.get(i), java[i],
                    Arrays.copyOfRange(c, off, off + java[i].length), size);
            off += java[i].length;
        }
    }

    /** The mnist LSTM with {@code batches} batches, batch- or time-major. */
    private static Graph lstmVariant(Graph base, int batches, boolean timeMajor) {
        Operator op = base.operators().get(0);
        List<Tensor> ts = new ArrayList<>(base.tensors());
        Tensor in = ts.get(0);
        Tensor out = ts.get(23);
        ts.set(0, reshaped(in, timeMajor ? Shape.of(28, batches, 28) : Shape.of(batches, 28, 28)));
        ts.set(23, reshaped(out, timeMajor ? Shape.of(28, batches, 20) : Shape.of(batches, 28, 20)));
        ts.set(16, reshaped(ts.get(16), Shape.of(batches, 20)));
        ts.set(17, reshaped(ts.get(17), Shape.of(batches, 20)));
        LstmOptions o = op.options(LstmOptions.class);
        LstmOptions opts = new LstmOptions(o.activation(), o.cellClip(), o.projClip(), timeMajor,
                o.asymmetricQuantizeInputs(), o.diagonalRecurrentTensors());
        Operator lstm = new Operator(0, op.type(), op.inputs(), op.outputs(), opts, op.intermediates());
        return new Graph("lstm_variant", ts, List.of(lstm), new int[] {0}, new int[] {23}, base.sha256());
    }

    /** The keyword model's SVDF {@code op} with {@code batches} batches and the given rank. */
    private static Graph svdfVariant(Graph base, Operator op, int batches, int rank) {
        List<Tensor> ts = new ArrayList<>(base.tensors());
        Tensor in = ts.get(op.input(0));
        Tensor state = ts.get(op.input(4));
        Tensor out = ts.get(op.output(0));
        Tensor bias = ts.get(op.input(3));
        int filters = ts.get(op.input(1)).shape().dim(0);
        int units = filters / rank;
        ts.set(in.index(), reshaped(in, Shape.of(batches, in.shape().dim(1))));
        ts.set(state.index(), reshaped(state, Shape.of(batches, state.shape().dim(1))));
        ts.set(out.index(), reshaped(out, Shape.of(batches, units)));
        if (rank != 1) {
            ByteBuffer src = ByteBuffer.wrap(bias.data()).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer dst = ByteBuffer.allocate(4 * units).order(ByteOrder.LITTLE_ENDIAN);
            for (int u = 0; u < units; u++) {
                dst.putInt(src.getInt(4 * u));
            }
            ts.set(bias.index(), new Tensor(bias.index(), bias.name(), Shape.of(units), DType.INT32, bias.quant(),
                    dst.array(), false));
        }
        SvdfOptions o = op.options(SvdfOptions.class);
        Operator svdf = new Operator(0, op.type(), op.inputs(), op.outputs(),
                new SvdfOptions(rank, o.activation(), o.asymmetricQuantizeInputs()), op.intermediates());
        return new Graph("svdf_variant", ts, List.of(svdf), new int[] {in.index()}, new int[] {out.index()},
                base.sha256());
    }

    /** The SVDF graph with int16 weights_time (same values and scale) and an int16 state of zero point 0. */
    private static Graph int16State(Graph g, Operator op) {
        List<Tensor> ts = new ArrayList<>(g.tensors());
        Tensor wt = ts.get(op.input(2));
        Tensor st = ts.get(op.input(4));
        ByteBuffer wide = ByteBuffer.allocate(2 * wt.data().length).order(ByteOrder.LITTLE_ENDIAN);
        for (byte v : wt.data()) {
            wide.putShort(v);
        }
        ts.set(wt.index(), new Tensor(wt.index(), wt.name(), wt.shape(), DType.INT16, wt.quant(), wide.array(),
                false));
        ts.set(st.index(), new Tensor(st.index(), st.name(), st.shape(), DType.INT16,
                io.tinyforge.ir.QuantParams.perTensor(st.quant().scale(), 0), null, true));
        return new Graph("svdf_int16", ts, g.operators(), g.inputs(), g.outputs(), g.sha256());
    }

    private static Tensor reshaped(Tensor t, Shape s) {
        return new Tensor(t.index(), t.name(), s, t.dtype(), t.quant(), t.data(), t.variable());
    }
}
