package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.OpParams;

/**
 * A float32 element-wise activation (RELU, RELU6, LOGISTIC or TANH, named by {@code function})
 * over {@code elements} values.
 */
public record ActivationF32Params(Operator op, OpType function, int input, int output, int elements)
        implements OpParams {
}
