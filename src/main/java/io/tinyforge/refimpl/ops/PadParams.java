package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared PAD (int8): input and output dimensions and the leading (before) padding, all left-padded with 1s
 * (paddings with 0s) to 5-D; positions outside the copied input get {@code padValue} (the output zero point,
 * or the third input's value).
 */
public record PadParams(Operator op, int input, int output, int[] inDims, int[] outDims, int[] before,
        int padValue) implements OpParams {

    public PadParams {
        inDims = inDims.clone();
        outDims = outDims.clone();
        before = before.clone();
    }

    @Override
    public int[] inDims() {
        return inDims.clone();
    }

    @Override
    public int[] outDims() {
        return outDims.clone();
    }

    @Override
    public int[] before() {
        return before.clone();
    }
}
