package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared AVERAGE_POOL_2D (int8): tensor indices, window geometry and the fused-activation clamp range.
 * Input and output share scale and zero point, so the average of raw values needs no rescaling.
 */
public record AveragePool2DParams(Operator op, int input, int output, PoolGeometry geometry, int actMin,
        int actMax) implements OpParams {
}
