package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Shape;
import io.tinyforge.refimpl.AliasesInput;
import io.tinyforge.refimpl.OpParams;

/**
 * RESHAPE, prepared: the data bytes are unchanged, only the shape is new.
 *
 * @param op     the operator
 * @param input  tensor index of the data input
 * @param output tensor index of the output
 * @param shape  the resolved output shape (any -1 replaced)
 * @param bytes  bytes copied (input size = output size)
 */
public record ReshapeParams(Operator op, int input, int output, Shape shape, long bytes)
        implements OpParams, AliasesInput {

    @Override
    public int aliasedInput() {
        return input;
    }

    @Override
    public int aliasedOutput() {
        return output;
    }
}
