package io.tinyforge.refimpl;

import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import java.util.EnumMap;
import java.util.Map;

/** The catalogue of reference kernels: one entry per supported operator type. */
public final class Kernels {
    private static final Map<OpType, OpKernel<?>> KERNELS = new EnumMap<>(OpType.class);

    static {
        // one line per operator, alphabetical; each kernel lives in refimpl/ops/<Op>Kernel.java
        KERNELS.put(OpType.SVDF, new io.tinyforge.refimpl.ops.SvdfKernel());
        KERNELS.put(OpType.UNIDIRECTIONAL_SEQUENCE_LSTM, new io.tinyforge.refimpl.ops.UnidirectionalSequenceLstmKernel());
    }

    private Kernels() {
    }

    /** The kernel for an operator, or a one-line error naming the operator when there is none. */
    public static OpKernel<?> forOp(Operator op) {
        OpKernel<?> k = KERNELS.get(op.type());
        if (k == null) {
            throw new ModelException("operator " + op.index() + " " + op.type()
                    + " has no reference kernel yet; supported: " + KERNELS.keySet());
        }
        return k;
    }

    public static boolean supports(OpType type) {
        return KERNELS.containsKey(type);
    }
}
