package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/** Prepared DEQUANTIZE: x = {@code scale} * (float) (q - {@code zeroPoint}) in float32, per element. */
public record DequantizeParams(Operator op, int input, int output, DType from, int size, float scale,
        int zeroPoint) implements OpParams {
}
