package io.tinyforge.cluster;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A constant weight tensor that clustering and codebook generation handle: input 1 (the filter) of CONV_2D,
 * DEPTHWISE_CONV_2D or FULLY_CONNECTED, int8 or float32, with its output-channel axis (0 for OHWI and
 * [out][in] filters, the last for depthwise 1HWC filters) and the first operator that reads it.
 */
public record WeightTensor(int tensor, int op, OpType opType, int axis) {

    /** The clusterable weight tensors of {@code g}, in operator order, each once. */
    public static List<WeightTensor> of(Graph g) {
        Map<Integer, WeightTensor> r = new LinkedHashMap<>();
        for (Operator op : g.operators()) {
            WeightTensor w = of(g, op);
            if (w != null) {
                r.putIfAbsent(w.tensor(), w);
            }
        }
        return new ArrayList<>(r.values());
    }

    /** The weight tensor of {@code op}, or null when it has none that can be clustered. */
    public static WeightTensor of(Graph g, Operator op) {
        OpType t = op.type();
        if (t != OpType.CONV_2D && t != OpType.DEPTHWISE_CONV_2D && t != OpType.FULLY_CONNECTED) {
            return null;
        }
        int[] in = op.inputs();
        if (in.length < 2 || in[1] < 0) {
            return null;
        }
        Tensor w = g.tensor(in[1]);
        if (!w.isConstant() || w.data().length == 0 || (w.dtype() != DType.INT8 && w.dtype() != DType.FLOAT32)) {
            return null;
        }
        int axis = t == OpType.DEPTHWISE_CONV_2D ? w.shape().rank() - 1 : 0;
        return new WeightTensor(in[1], op.index(), t, axis);
    }

    /** Output channels of {@code w} along {@code axis}. */
    public static int channels(Tensor w, int axis) {
        return w.shape().rank() == 0 ? 1 : w.shape().dim(axis);
    }

    /** The channel of flat element {@code i} of a tensor of shape {@code dims} along {@code axis}. */
    public static int channelOf(int[] dims, int axis, long i) {
        long inner = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        return dims.length == 0 ? 0 : (int) ((i / inner) % dims[axis]);
    }
}
