package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds a graph holding one operator from hand-written tensors, and runs one kernel on it. */
public final class BasicTestGraph {
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();

    /** Adds a graph-input activation tensor and returns its index. */
    public int activation(DType t, float scale, int zp, int... dims) {
        int i = tensors.size();
        tensors.add(new Tensor(i, "t" + i, Shape.of(dims), t, scale > 0 ? QuantParams.perTensor(scale, zp) : null,
                null, false));
        return i;
    }

    public int input(DType t, float scale, int zp, int... dims) {
        int i = activation(t, scale, zp, dims);
        inputs.add(i);
        return i;
    }

    /** Adds a constant int32 tensor. */
    public int constInt32(int[] dims, int... values) {
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putInt(v);
        }
        int i = tensors.size();
        tensors.add(new Tensor(i, "c" + i, Shape.of(dims), DType.INT32, null, bb.array(), false));
        return i;
    }

    public Graph graph(OpType type, OpOptions options, int[] opInputs, int output) {
        Operator op = new Operator(0, type, opInputs, new int[] {output}, options, new int[0]);
        return new Graph("test", tensors, List.of(op), inputs.stream().mapToInt(Integer::intValue).toArray(),
                new int[] {output}, "0");
    }

    /** Prepares the graph's only operator; inputs are written by {@code fill}; returns the store after eval. */
    public static <P extends OpParams> TensorStore run(OpKernel<P> k, Graph g, java.util.function.Consumer<TensorStore> fill) {
        P p = k.prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
        TensorStore s = new TensorStore(g);
        fill.accept(s);
        k.eval(p, s);
        return s;
    }

    public static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    public static void put(TensorStore s, int tensor, int... values) {
        System.arraycopy(bytes(values), 0, s.bytes(tensor), 0, values.length);
    }
}
