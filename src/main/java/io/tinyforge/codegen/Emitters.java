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
        EMITTERS.put(OpType.RESHAPE, new io.tinyforge.codegen.ops.ReshapeEmitter());
        EMITTERS.put(OpType.CONV_2D, new io.tinyforge.codegen.ops.Conv2DEmitter());
        EMITTERS.put(OpType.DEPTHWISE_CONV_2D, new io.tinyforge.codegen.ops.DepthwiseConv2DEmitter());
        EMITTERS.put(OpType.FULLY_CONNECTED, new io.tinyforge.codegen.ops.FullyConnectedEmitter());
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
}
