package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * A float32 AVERAGE_POOL_2D or MAX_POOL_2D, prepared: NHWC geometry with leading padding, which reduction
 * ({@code max} true for MAX_POOL_2D) and the fused activation's float clamp range.
 */
public record Pool2DF32Params(Operator op, int input, int output, PoolGeometry geometry, boolean max,
        float actMin, float actMax) implements OpParams {
}
