package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/** A float32 SOFTMAX over the innermost dimension: {@code rows} rows of {@code depth} values, and beta. */
public record SoftmaxF32Params(Operator op, int input, int output, int rows, int depth, float beta)
        implements OpParams {
}
