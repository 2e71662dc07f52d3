package io.tinyforge.prune;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Zeros per CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED weight tensor (float32 or int8) of a graph. */
public record SparsityStats(List<Layer> layers) {

    /** One weight tensor: its index and name, element count and exact zeros. */
    public record Layer(int op, int tensor, String name, long elements, long zeros) {
        public double sparsity() {
            return elements == 0 ? 0 : (double) zeros / elements;
        }
    }

    public SparsityStats {
        layers = List.copyOf(layers);
    }

    /** The statistics of {@code g}. */
    public static SparsityStats of(Graph g) {
        List<Layer> r = new ArrayList<>();
        for (Operator op : g.operators()) {
            if (op.type() != OpType.CONV_2D && op.type() != OpType.DEPTHWISE_CONV_2D
                    && op.type() != OpType.FULLY_CONNECTED) {
                continue;
            }
            Tensor t = g.tensor(op.input(1));
            if (!t.isConstant() || (t.dtype() != DType.FLOAT32 && t.dtype() != DType.INT8)) {
                continue;
            }
            byte[] d = t.data();
            long zeros = 0;
            long n;
            if (t.dtype() == DType.INT8) {
                n = d.length;
                for (byte b : d) {
                    zeros += b == 0 ? 1 : 0;
                }
            } else {
                ByteBuffer bb = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
                n = d.length / 4;
                for (int i = 0; i < n; i++) {
                    zeros += bb.getFloat() == 0f ? 1 : 0;
                }
            }
            r.add(new Layer(op.index(), t.index(), t.name(), n, zeros));
        }
        return new SparsityStats(r);
    }

    /** All weights. */
    public long elements() {
        return layers.stream().mapToLong(Layer::elements).sum();
    }

    /** All zero weights. */
    public long zeros() {
        return layers.stream().mapToLong(Layer::zeros).sum();
    }

    /** Overall sparsity. */
    public double sparsity() {
        long n = elements();
        return n == 0 ? 0 : (double) zeros() / n;
    }
}
