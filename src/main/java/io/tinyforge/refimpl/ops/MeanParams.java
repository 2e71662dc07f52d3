package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared MEAN (int8). The kept dimensions (in order) index the output; for each output element the input
 * elements at {@code base + reduced offset} are summed ({@code keptDims}/{@code keptStrides} and
 * {@code reducedDims}/{@code reducedStrides} are element strides into the input). The sum minus
 * {@code count * inputZeroPoint} is rescaled by {@code multiplier}/{@code shift}, which already include the
 * 1/count factor (TFLM {@code QuantizedMeanOrSum}), offset by {@code outputZeroPoint} and clamped to int8.
 */
public record MeanParams(Operator op, int input, int output, int[] keptDims, int[] keptStrides,
        int[] reducedDims, int[] reducedStrides, int count, int inputZeroPoint, int outputZeroPoint,
        int multiplier, int shift, Rounding rounding) implements OpParams {

    public MeanParams {
        keptDims = keptDims.clone();
        keptStrides = keptStrides.clone();
        reducedDims = reducedDims.clone();
        reducedStrides = reducedStrides.clone();
    }

    @Override
    public int[] keptDims() {
        return keptDims.clone();
    }

    @Override
    public int[] keptStrides() {
        return keptStrides.clone();
    }

    @Override
    public int[] reducedDims() {
        return reducedDims.clone();
    }

    @Override
    public int[] reducedStrides() {
        return reducedStrides.clone();
    }

    /** Number of output elements (product of the kept dimensions). */
    public int outputElements() {
        int n = 1;
        for (int d : keptDims) {
            n *= d;
        }
        return n;
    }
}
