package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.LstmOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
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
 * The recurrent C kernels against the Java reference on seeded random operators that need no shared models:
 * LSTM with two batches, a hidden zero point, a non-2^-12 cell scale and an active cell clip; SVDF of rank 2
 * with int8 and int16 state. Three runs each (state carried over), both rounding modes, byte for byte.
 */
class RecurrentRandomCTest {

    @TempDir
    Path tmp;

    @Test
    void randomLstmInCEqualsJava() {
        for (int seed = 1; seed <= 3; seed++) {
            Graph g = randomLstm(new Random(seed));
            byte[] x = new byte[2 * 5 * 6];
            new Random(100 + seed).nextBytes(x);
            for (Rounding r : Rounding.values()) {
                check(g, new UnidirectionalSequenceLstmKernel(), new UnidirectionalSequenceLstmEmitter(), r, x,
                        "lstm_" + seed + "_" + r);
            }
        }
    }

    @Test
    void randomSvdfInCEqualsJava() {
        for (int seed = 1; seed <= 3; seed++) {
            for (DType stateType : new DType[] {DType.INT8, DType.INT16}) {
                Graph g = randomSvdf(new Random(seed), stateType);
                byte[] x = new byte[2 * 5];
                new Random(200 + seed).nextBytes(x);
                for (Rounding r : Rounding.values()) {
                    check(g, new SvdfKernel(), new SvdfEmitter(), r, x, "svdf_" + seed + "_" + stateType + "_" + r);
                }
            }
        }
    }

    private <P extends OpParams> void check(Graph g, OpKernel<P> k, OpEmitter<P> e, Rounding r, byte[] x,
            String name) {
        Operator op = g.operators().get(0);
        P p = k.prepare(g, op, new PrepareContext(r));
        TensorStore store = new TensorStore(g);
        List<Integer> reads = new ArrayList<>(List.of(op.input(0)));
        List<Integer> writes = new ArrayList<>(List.of(op.output(0)));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(x);
        for (int t : op.inputs()) {
            if (t >= 0 && g.tensor(t).variable()) {
                reads.add(t);
                writes.add(t);
                in.writeBytes(store.bytes(t));
            }
        }
        byte[] c = SingleOpC.run(g, p, e, 3, reads, in.toByteArray(), writes, tmp.resolve(name), r);
        System.arraycopy(x, 0, store.bytes(op.input(0)), 0, x.length);
        for (int i = 0; i < 3; i++) {
            k.eval(p, store);
        }
        int off = 0;
        for (int t : writes) {
            byte[] java = store.bytes(t);
            Bytes.assertSame(name + " C vs Java tensor " + t, java, Arrays.copyOfRange(c, off, off + java.length),
                    g.tensor(t).dtype().size());
            off += java.length;
        }
    }

    /** LSTM: batches 2, steps 5, input 6, state 4; weights and biases random, scales fixed. */
    private static Graph randomLstm(Random rnd) {
        int b = 2;
        int t = 5;
        int in = 6;
        int s = 4;
        float sIn = 0.02f;
        float sHidden = 1f / 128;
        List<Tensor> ts = new ArrayList<>();
        ts.add(new Tensor(0, "in", Shape.of(b, t, in), DType.INT8, QuantParams.perTensor(sIn, -3), null, false));
        int[] inputs = new int[24];
        Arrays.fill(inputs, -1);
        inputs[0] = 0;
        for (int gate = 0; gate < 4; gate++) {
            float sw = 0.004f + 0.002f * gate;
            inputs[1 + gate] = ts.size();
            ts.add(weights(ts.size(), s, in, sw, rnd));
            inputs[5 + gate] = ts.size();
            ts.add(weights(ts.size(), s, s, sw * 1.5f, rnd));
            inputs[12 + gate] = ts.size();
            ts.add(bias(ts.size(), s, sIn * sw, rnd));
        }
        inputs[18] = ts.size();
        ts.add(new Tensor(ts.size(), "hidden", Shape.of(b, s), DType.INT8, QuantParams.perTensor(sHidden, 2), null,
                true));
        inputs[19] = ts.size();
        ts.add(new Tensor(ts.size(), "cell", Shape.of(b, s), DType.INT16,
                QuantParams.perTensor((float) Math.pow(2, -11), 0), null, true));
        int out = ts.size();
        ts.add(new Tensor(out, "out", Shape.of(b, t, s), DType.INT8, QuantParams.perTensor(sHidden, 2), null, false));
        Operator op = new Operator(0, OpType.UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, new int[] {out},
                new LstmOptions(Activation.TANH, 0.5f, 0f, false, false, false), new int[0]);
        return new Graph("random_lstm", ts, List.of(op), new int[] {0}, new int[] {out}, "0");
    }

    /** SVDF: batches 2, input 5, 6 filters of rank 2 (3 units), memory 3. */
    private static Graph randomSvdf(Random rnd, DType stateType) {
        float sIn = 0.05f;
        float sWf = 0.01f;
        float sWt = 0.02f;
        float sState = 0.03f;
        int stateZp = stateType == DType.INT8 ? 5 : 0;
        byte[] wt = new byte[6 * 3 * stateType.size()];
        ByteBuffer wb = ByteBuffer.wrap(wt).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 18; i++) {
            int v = rnd.nextInt(255) - 127;
            if (stateType == DType.INT16) {
                wb.putShort((short) (v * 50));
            } else {
                wb.put((byte) v);
            }
        }
        List<Tensor> ts = List.of(
                new Tensor(0, "in", Shape.of(2, 5), DType.INT8, QuantParams.perTensor(sIn, 1), null, false),
                weights(1, 6, 5, sWf, rnd),
                new Tensor(2, "wt", Shape.of(6, 3), stateType, QuantParams.perTensor(sWt, 0), wt, false),
                bias(3, 3, sState * sWt, rnd),
                new Tensor(4, "state", Shape.of(2, 18), stateType, QuantParams.perTensor(sState, stateZp), null,
                        true),
                new Tensor(5, "out", Shape.of(2, 3), DType.INT8, QuantParams.perTensor(0.04f, -7), null, false));
        Operator op = new Operator(0, OpType.SVDF, new int[] {0, 1, 2, 3, 4}, new int[] {5},
                new SvdfOptions(2, Activation.RELU, false), new int[0]);
        return new Graph("random_svdf", ts, List.of(op), new int[] {0}, new int[] {5}, "0");
    }

    private static Tensor weights(int index, int rows, int cols, float scale, Random rnd) {
        byte[] w = new byte[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (rnd.nextInt(255) - 127);
        }
        return new Tensor(index, "w" + index, Shape.of(rows, cols), DType.INT8, QuantParams.perTensor(scale, 0), w,
                false);
    }

    private static Tensor bias(int index, int n, float scale, Random rnd) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putInt(rnd.nextInt(4001) - 2000);
        }
        return new Tensor(index, "b" + index, Shape.of(n), DType.INT32, QuantParams.perTensor(scale, 0), b.array(),
                false);
    }
}
