package io.tinyforge.passes;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph pass for TFLite float16-quantized models: removes each DEQUANTIZE of a constant FLOAT16 tensor whose
 * output feeds only weight inputs (input 1) of FULLY_CONNECTED / CONV_2D / DEPTHWISE_CONV_2D and lets those
 * operators read the half tensor directly (their {@code _f16w} kernels). The half-to-float widening is exact, so
 * outputs are unchanged bit for bit, while the float32 copies of the weights no longer take arena (RAM).
 */
public final class FoldFloat16Dequantize {
    private static final Set<OpType> WEIGHTED = Set.of(OpType.FULLY_CONNECTED, OpType.CONV_2D,
            OpType.DEPTHWISE_CONV_2D);

    private FoldFloat16Dequantize() {
    }

    /**
     * The graph without the foldable DEQUANTIZE operators (operators renumbered in order); the same graph object
     * when there is none.
     */
    public static Graph apply(Graph g) {
        Map<Integer, Integer> replace = new HashMap<>();
        for (Operator op : g.operators()) {
            if (op.type() == OpType.DEQUANTIZE && g.tensor(op.input(0)).dtype() == DType.FLOAT16
                    && g.tensor(op.input(0)).isConstant() && onlyWeights(g, op.output(0))) {
                replace.put(op.output(0), op.input(0));
            }
        }
        if (replace.isEmpty()) {
            return g;
        }
        List<Operator> ops = new ArrayList<>();
        for (Operator op : g.operators()) {
            if (op.type() == OpType.DEQUANTIZE && replace.containsKey(op.output(0))) {
                continue;
            }
            int[] in = op.inputs().clone();
            for (int i = 0; i < in.length; i++) {
                in[i] = replace.getOrDefault(in[i], in[i]);
            }
            ops.add(new Operator(ops.size(), op.type(), in, op.outputs(), op.options(), op.intermediates()));
        }
        return new Graph(g.name(), g.tensors(), ops, g.inputs(), g.outputs(), g.sha256());
    }

    private static boolean onlyWeights(Graph g, int tensor) {
        for (int out : g.outputs()) {
            if (out == tensor) {
                return false;
            }
        }
        for (Operator op : g.operators()) {
            for (int i = 0; i < op.inputs().length; i++) {
                if (op.inputs()[i] == tensor && (i != 1 || !WEIGHTED.contains(op.type()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
