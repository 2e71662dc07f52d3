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
        KERNELS.put(OpType.RESHAPE, new io.tinyforge.refimpl.ops.ReshapeKernel());
        KERNELS.put(OpType.CONV_2D, new io.tinyforge.refimpl.ops.Conv2DKernel());
        KERNELS.put(OpType.DEPTHWISE_CONV_2D, new io.tinyforge.refimpl.ops.DepthwiseConv2DKernel());
        KERNELS.put(OpType.FULLY_CONNECTED, new io.tinyforge.refimpl.ops.FullyConnectedKernel());
        KERNELS.put(OpType.ADD, new io.tinyforge.refimpl.ops.AddKernel());
        KERNELS.put(OpType.AVERAGE_POOL_2D, new io.tinyforge.refimpl.ops.AveragePool2DKernel());
        KERNELS.put(OpType.CONCATENATION, new io.tinyforge.refimpl.ops.ConcatenationKernel());
        KERNELS.put(OpType.DEQUANTIZE, new io.tinyforge.refimpl.ops.DequantizeKernel());
        KERNELS.put(OpType.MAX_POOL_2D, new io.tinyforge.refimpl.ops.MaxPool2DKernel());
        KERNELS.put(OpType.MEAN, new io.tinyforge.refimpl.ops.MeanKernel());
        KERNELS.put(OpType.MUL, new io.tinyforge.refimpl.ops.MulKernel());
        KERNELS.put(OpType.PAD, new io.tinyforge.refimpl.ops.PadKernel());
        KERNELS.put(OpType.QUANTIZE, new io.tinyforge.refimpl.ops.QuantizeKernel());
        KERNELS.put(OpType.RELU, new io.tinyforge.refimpl.ops.ReluKernel());
        KERNELS.put(OpType.RELU6, new io.tinyforge.refimpl.ops.Relu6Kernel());
        KERNELS.put(OpType.LOGISTIC, new io.tinyforge.refimpl.ops.LogisticKernel());
        KERNELS.put(OpType.SOFTMAX, new io.tinyforge.refimpl.ops.SoftmaxKernel());
        KERNELS.put(OpType.TANH, new io.tinyforge.refimpl.ops.TanhKernel());
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
