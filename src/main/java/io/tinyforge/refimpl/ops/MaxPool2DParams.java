package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/** Prepared MAX_POOL_2D (int8): tensor indices, window geometry and the fused-activation clamp range. */
public record MaxPool2DParams(Operator op, int input, int output, PoolGeometry geometry, int actMin, int actMax)
        implements OpParams {
}
