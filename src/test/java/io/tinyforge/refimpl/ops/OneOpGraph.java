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

/** Builds a graph holding one operator from small hand-written tensors (test helper). */
final class OneOpGraph {
    private final List<Tensor> tensors = new ArrayList<>();

    /** An int8 activation with per-tensor quantization; returns its index. */
    int activation(int[] shape, float scale, int zp) {
        return add(new Tensor(tensors.size(), "t" + tensors.size(), Shape.of(shape), DType.INT8,
                QuantParams.perTensor(scale, zp), null, false));
    }

    /** Constant int8 weights, per-channel when {@code scales} has several entries (along {@code axis}). */
    int weights(int[] shape, float[] scales, int axis, int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return add(new Tensor(tensors.size(), "w" + tensors.size(), Shape.of(shape), DType.INT8,
                new QuantParams(scales, new long[scales.length], axis), b, false));
    }

    /** Constant int32 bias with the given scale. */
    int bias(float scale, int... values) {
/** Builds a graph holding one operator from hand-written tensors, and runs one kernel on it. */
final class OneOpGraph {
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();

    /** Adds a graph-input activation tensor and returns its index. */
    int activation(DType t, float scale, int zp, int... dims) {
        int i = tensors.size();
        tensors.add(new Tensor(i, "t" + i, Shape.of(dims), t, scale > 0 ? QuantParams.perTensor(scale, zp) : null,
                null, false));
        return i;
    }

    int input(DType t, float scale, int zp, int... dims) {
        int i = activation(t, scale, zp, dims);
        inputs.add(i);
        return i;
    }

    /** Adds a constant int32 tensor. */
    int constInt32(int[] dims, int... values) {
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putInt(v);
        }
        return add(new Tensor(tensors.size(), "b" + tensors.size(), Shape.of(values.length), DType.INT32,
                QuantParams.perTensor(scale, 0), bb.array(), false));
    }

    /** Any tensor (for invalid-model tests). */
    int add(Tensor t) {
        tensors.add(t);
        return t.index();
    }

    Graph graph(OpType type, OpOptions options, int[] inputs, int output) {
        Operator op = new Operator(0, type, inputs, new int[] {output}, options, new int[0]);
        return new Graph("test", tensors, List.of(op), new int[] {inputs[0]}, new int[] {output}, "");
        int i = tensors.size();
        tensors.add(new Tensor(i, "c" + i, Shape.of(dims), DType.INT32, null, bb.array(), false));
        return i;
    }

    Graph graph(OpType type, OpOptions options, int[] opInputs, int output) {
        Operator op = new Operator(0, type, opInputs, new int[] {output}, options, new int[0]);
        return new Graph("test", tensors, List.of(op), inputs.stream().mapToInt(Integer::intValue).toArray(),
                new int[] {output}, "0");
    }

    /** Prepares the graph's only operator; inputs are written by {@code fill}; returns the store after eval. */
    static <P extends OpParams> TensorStore run(OpKernel<P> k, Graph g, java.util.function.Consumer<TensorStore> fill) {
        P p = k.prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
        TensorStore s = new TensorStore(g);
        fill.accept(s);
        k.eval(p, s);
        return s;
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static void put(TensorStore s, int tensor, int... values) {
        System.arraycopy(bytes(values), 0, s.bytes(tensor), 0, values.length);
import java.util.List;

/** A graph input -&gt; one unary operator -&gt; output, for kernel tests on tiny tensors. */
record OneOpGraph(Graph graph) {

    static OneOpGraph of(OpType type, OpOptions options, Shape shape, DType inType, float inScale, int inZp,
            DType outType, float outScale, int outZp) {
        Tensor in = new Tensor(0, "in", shape, inType, QuantParams.perTensor(inScale, inZp), null, false);
        Tensor out = new Tensor(1, "out", shape, outType, QuantParams.perTensor(outScale, outZp), null, false);
        Operator op = new Operator(0, type, new int[] {0}, new int[] {1}, options, new int[0]);
        return new OneOpGraph(new Graph("one_" + type.name().toLowerCase(), List.of(in, out), List.of(op),
                new int[] {0}, new int[] {1}, "0"));
    }

    Operator op() {
        return graph.operators().get(0);
    }

    <P extends OpParams> P prepare(OpKernel<P> k) {
        return k.prepare(graph, op(), PrepareContext.DEFAULT);
    }

    /** Runs the operator on raw input bytes and returns the raw output bytes. */
    <P extends OpParams> byte[] run(OpKernel<P> k, byte[] input) {
        TensorStore store = new TensorStore(graph);
        System.arraycopy(input, 0, store.bytes(0), 0, input.length);
        k.eval(prepare(k), store);
        return store.bytes(1).clone();
    }
}
