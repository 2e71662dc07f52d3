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
        EMITTERS.put(OpType.ADD, io.tinyforge.codegen.ops.FloatEmitters.binary(io.tinyforge.refimpl.ops.AddParams.class, new io.tinyforge.codegen.ops.AddEmitter()));
        EMITTERS.put(OpType.AVERAGE_POOL_2D, io.tinyforge.codegen.ops.FloatEmitters.averagePool2d());
        EMITTERS.put(OpType.CONCATENATION, io.tinyforge.codegen.ops.FloatEmitters.shapeOp(io.tinyforge.refimpl.ops.ConcatenationParams.class, new io.tinyforge.codegen.ops.ConcatenationEmitter(), "basic/tfg_concat_f32.c"));
        EMITTERS.put(OpType.DEQUANTIZE, io.tinyforge.codegen.ops.FloatEmitters.dequantize());
        EMITTERS.put(OpType.MAX_POOL_2D, io.tinyforge.codegen.ops.FloatEmitters.maxPool2d());
        EMITTERS.put(OpType.MEAN, io.tinyforge.codegen.ops.FloatEmitters.shapeOp(io.tinyforge.refimpl.ops.MeanParams.class, new io.tinyforge.codegen.ops.MeanEmitter(), "basic/tfg_mean_f32.c"));
        EMITTERS.put(OpType.MUL, io.tinyforge.codegen.ops.FloatEmitters.binary(io.tinyforge.refimpl.ops.MulParams.class, new io.tinyforge.codegen.ops.MulEmitter()));
        EMITTERS.put(OpType.PAD, io.tinyforge.codegen.ops.FloatEmitters.shapeOp(io.tinyforge.refimpl.ops.PadParams.class, new io.tinyforge.codegen.ops.PadEmitter(), "basic/tfg_pad_f32.c"));
        EMITTERS.put(OpType.QUANTIZE, new io.tinyforge.codegen.ops.QuantizeEmitter());
        EMITTERS.put(OpType.RELU, io.tinyforge.codegen.ops.FloatEmitters.activation(io.tinyforge.refimpl.ops.ReluParams.class, new io.tinyforge.codegen.ops.ReluEmitter()));
        EMITTERS.put(OpType.RELU6, io.tinyforge.codegen.ops.FloatEmitters.activation(io.tinyforge.refimpl.ops.Relu6Params.class, new io.tinyforge.codegen.ops.Relu6Emitter()));
        EMITTERS.put(OpType.RESHAPE, new io.tinyforge.codegen.ops.ReshapeEmitter());
        EMITTERS.put(OpType.CONV_2D, io.tinyforge.codegen.ops.FloatEmitters.conv2d());
        EMITTERS.put(OpType.DEPTHWISE_CONV_2D, io.tinyforge.codegen.ops.FloatEmitters.depthwiseConv2d());
        EMITTERS.put(OpType.FULLY_CONNECTED, io.tinyforge.codegen.ops.FloatEmitters.fullyConnected());
        EMITTERS.put(OpType.LOGISTIC, io.tinyforge.codegen.ops.FloatEmitters.activation(io.tinyforge.refimpl.ops.LogisticParams.class, new io.tinyforge.codegen.ops.LogisticEmitter()));
        EMITTERS.put(OpType.SOFTMAX, io.tinyforge.codegen.ops.FloatEmitters.softmax());
        EMITTERS.put(OpType.TANH, io.tinyforge.codegen.ops.FloatEmitters.activation(io.tinyforge.refimpl.ops.TanhParams.class, new io.tinyforge.codegen.ops.TanhEmitter()));
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
