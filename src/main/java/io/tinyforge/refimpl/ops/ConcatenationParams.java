package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared CONCATENATION (int8): for each of {@code outerSize} outer positions, {@code copySizes[i]} elements
 * of input i are copied in input order. Values are copied unchanged, as TFLM does for int8 (it does not
 * requantize inputs whose scale or zero point differ from the output's).
 */
public record ConcatenationParams(Operator op, int[] inputs, int output, int axis, int outerSize,
        int[] copySizes) implements OpParams {

    public ConcatenationParams {
        inputs = inputs.clone();
        copySizes = copySizes.clone();
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public int[] copySizes() {
        return copySizes.clone();
    }
}
