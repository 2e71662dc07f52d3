package io.tinyforge.cluster;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * Constant bytes as the generated C stores them: every constant tensor densely, except filters that
 * {@link CodebookPolicy} turns into a codebook plus packed indices (int8 filters of integer operators, float32
 * filters of float operators), which count {@link CodebookLayout#bytes()}. Alignment padding not included.
 */
public final class GeneratedWeightBytes {

    private GeneratedWeightBytes() {
    }

    /** The sum over the constant tensors of {@code g}, each counted once. */
    public static long of(Graph g) {
        Map<Integer, Long> bytes = new HashMap<>();
        for (Tensor t : g.tensors()) {
            if (t.isConstant()) {
                bytes.put(t.index(), t.bytes());
            }
        }
        for (Operator op : g.operators()) {
            CodebookLayout l = layout(g, op);
            if (l != null) {
                bytes.put(op.inputs()[1], l.bytes());
            }
        }
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }

    private static CodebookLayout layout(Graph g, Operator op) {
        WeightTensor w = WeightTensor.of(g, op);
        if (w == null) {
            return null;
        }
        DType act = g.tensor(op.inputs()[0]).dtype();
        DType filter = g.tensor(w.tensor()).dtype();
        if (filter == DType.INT8 && act == DType.INT8) {
            return CodebookPolicy.layout(g, op);
        }
        if (filter == DType.FLOAT32 && act == DType.FLOAT32) {
            return CodebookPolicy.floatLayout(g, op);
        }
        return null; // hybrid (int8 weights, float activations): generated dense
    }
}
