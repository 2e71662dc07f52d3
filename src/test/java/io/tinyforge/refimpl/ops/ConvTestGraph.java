package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds a graph holding one operator from small hand-written tensors (test helper). */
final class ConvTestGraph {
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
        ByteBuffer bb = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putInt(v);
        }
        return add(new Tensor(tensors.size(), "b" + tensors.size(), Shape.of(values.length), DType.INT32,
                QuantParams.perTensor(scale, 0), bb.array(), false));
    }

    /** The index the next added tensor must have. */
    int nextIndex() {
        return tensors.size();
    }

    /** Any tensor (for invalid-model tests). */
    int add(Tensor t) {
        tensors.add(t);
        return t.index();
    }

    Graph graph(OpType type, OpOptions options, int[] inputs, int output) {
        Operator op = new Operator(0, type, inputs, new int[] {output}, options, new int[0]);
        return new Graph("test", tensors, List.of(op), new int[] {inputs[0]}, new int[] {output}, "");
    }
}
