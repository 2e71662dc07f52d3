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
        KERNELS.put(OpType.CONV_2D, io.tinyforge.refimpl.ops.FloatKernels.conv2d());
        KERNELS.put(OpType.DEPTHWISE_CONV_2D, io.tinyforge.refimpl.ops.FloatKernels.depthwiseConv2d());
        KERNELS.put(OpType.FULLY_CONNECTED, io.tinyforge.refimpl.ops.FloatKernels.fullyConnected());
        KERNELS.put(OpType.ADD, io.tinyforge.refimpl.ops.FloatKernels.binary(OpType.ADD, io.tinyforge.refimpl.ops.AddParams.class, new io.tinyforge.refimpl.ops.AddKernel()));
        KERNELS.put(OpType.AVERAGE_POOL_2D, io.tinyforge.refimpl.ops.FloatKernels.averagePool2d());
        KERNELS.put(OpType.CONCATENATION, io.tinyforge.refimpl.ops.FloatKernels.shapeOp(io.tinyforge.refimpl.ops.ConcatenationParams.class, new io.tinyforge.refimpl.ops.ConcatenationKernel()));
        KERNELS.put(OpType.DEQUANTIZE, io.tinyforge.refimpl.ops.FloatKernels.dequantize());
        KERNELS.put(OpType.MAX_POOL_2D, io.tinyforge.refimpl.ops.FloatKernels.maxPool2d());
        KERNELS.put(OpType.MEAN, io.tinyforge.refimpl.ops.FloatKernels.shapeOp(io.tinyforge.refimpl.ops.MeanParams.class, new io.tinyforge.refimpl.ops.MeanKernel()));
        KERNELS.put(OpType.MUL, io.tinyforge.refimpl.ops.FloatKernels.binary(OpType.MUL, io.tinyforge.refimpl.ops.MulParams.class, new io.tinyforge.refimpl.ops.MulKernel()));
        KERNELS.put(OpType.PAD, io.tinyforge.refimpl.ops.FloatKernels.shapeOp(io.tinyforge.refimpl.ops.PadParams.class, new io.tinyforge.refimpl.ops.PadKernel()));
        KERNELS.put(OpType.QUANTIZE, new io.tinyforge.refimpl.ops.QuantizeKernel());
        KERNELS.put(OpType.RELU, io.tinyforge.refimpl.ops.FloatKernels.activation(OpType.RELU, io.tinyforge.refimpl.ops.ReluParams.class, new io.tinyforge.refimpl.ops.ReluKernel()));
        KERNELS.put(OpType.RELU6, io.tinyforge.refimpl.ops.FloatKernels.activation(OpType.RELU6, io.tinyforge.refimpl.ops.Relu6Params.class, new io.tinyforge.refimpl.ops.Relu6Kernel()));
        KERNELS.put(OpType.LOGISTIC, io.tinyforge.refimpl.ops.FloatKernels.activation(OpType.LOGISTIC, io.tinyforge.refimpl.ops.LogisticParams.class, new io.tinyforge.refimpl.ops.LogisticKernel()));
        KERNELS.put(OpType.SOFTMAX, io.tinyforge.refimpl.ops.FloatKernels.softmax());
        KERNELS.put(OpType.TANH, io.tinyforge.refimpl.ops.FloatKernels.activation(OpType.TANH, io.tinyforge.refimpl.ops.TanhParams.class, new io.tinyforge.refimpl.ops.TanhKernel()));
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
