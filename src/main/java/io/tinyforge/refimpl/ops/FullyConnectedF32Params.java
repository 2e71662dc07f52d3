package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * A float32 FULLY_CONNECTED, prepared: {@code batches} rows of {@code accumDepth} float inputs times
 * [outDepth][accumDepth] weights stored as float32, or as IEEE half when {@code halfWeights} (widened exactly
 * before each multiply), plus an optional float32 bias, clamped to [actMin, actMax].
 *
 * @param bias        tensor index of the float32 bias, or -1
 * @param halfWeights true when the weights tensor is FLOAT16 (C kernel {@code tfg_fully_connected_f16w_f32})
 * @param actMin      fused activation lower bound (may be -infinity)
 * @param actMax      fused activation upper bound (may be +infinity)
 */
public record FullyConnectedF32Params(Operator op, int input, int filter, int bias, int output,
        int batches, int accumDepth, int outDepth, boolean halfWeights, float actMin, float actMax)
        implements OpParams, HasMacs {

    @Override
    public long macs() {
        return (long) batches * outDepth * accumDepth;
    }
}
