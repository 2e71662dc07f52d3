package io.tinyforge.codegen;

import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import java.util.EnumMap;
import java.util.Map;

/** The catalogue of C emitters: one entry per operator type the generator can write. */
public final class Emitters {
    private static final Map<OpType, OpEmitter<?>> EMITTERS = new EnumMap<>(OpType.class);

    static {
        // one line per operator, alphabetical; each emitter lives in codegen/ops/<Op>Emitter.java
        EMITTERS.put(OpType.ADD, new io.tinyforge.codegen.ops.AddEmitter());
        EMITTERS.put(OpType.AVERAGE_POOL_2D, new io.tinyforge.codegen.ops.AveragePool2DEmitter());
        EMITTERS.put(OpType.CONCATENATION, new io.tinyforge.codegen.ops.ConcatenationEmitter());
        EMITTERS.put(OpType.DEQUANTIZE, new io.tinyforge.codegen.ops.DequantizeEmitter());
        EMITTERS.put(OpType.MAX_POOL_2D, new io.tinyforge.codegen.ops.MaxPool2DEmitter());
        EMITTERS.put(OpType.MEAN, new io.tinyforge.codegen.ops.MeanEmitter());
        EMITTERS.put(OpType.MUL, new io.tinyforge.codegen.ops.MulEmitter());
        EMITTERS.put(OpType.PAD, new io.tinyforge.codegen.ops.PadEmitter());
        EMITTERS.put(OpType.QUANTIZE, new io.tinyforge.codegen.ops.QuantizeEmitter());
        EMITTERS.put(OpType.RELU, new io.tinyforge.codegen.ops.ReluEmitter());
        EMITTERS.put(OpType.RELU6, new io.tinyforge.codegen.ops.Relu6Emitter());
        EMITTERS.put(OpType.RESHAPE, new io.tinyforge.codegen.ops.ReshapeEmitter());
        EMITTERS.put(OpType.CONV_2D, new io.tinyforge.codegen.ops.Conv2DEmitter());
        EMITTERS.put(OpType.DEPTHWISE_CONV_2D, new io.tinyforge.codegen.ops.DepthwiseConv2DEmitter());
        EMITTERS.put(OpType.FULLY_CONNECTED, new io.tinyforge.codegen.ops.FullyConnectedEmitter());
        EMITTERS.put(OpType.LOGISTIC, new io.tinyforge.codegen.ops.LogisticEmitter());
        EMITTERS.put(OpType.SOFTMAX, new io.tinyforge.codegen.ops.SoftmaxEmitter());
        EMITTERS.put(OpType.TANH, new io.tinyforge.codegen.ops.TanhEmitter());
        EMITTERS.put(OpType.SVDF, new io.tinyforge.codegen.ops.SvdfEmitter());
        EMITTERS.put(OpType.UNIDIRECTIONAL_SEQUENCE_LSTM, new io.tinyforge.codegen.ops.UnidirectionalSequenceLstmEmitter());
    }

    private Emitters() {
    }

    /** The emitter for an operator, or a one-line error naming the operator when there is none. */
    public static OpEmitter<?> forOp(Operator op) {
        OpEmitter<?> e = EMITTERS.get(op.type());
        if (e == null) {
            throw new ModelException("operator " + op.index() + " " + op.type()
                    + " cannot be generated as C yet; supported: " + EMITTERS.keySet());
        }
        return e;
    }

    /** True when operators of {@code type} can be generated as C. */
    public static boolean supports(OpType type) {
        return EMITTERS.containsKey(type);
    }
}
