package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * A dynamic-range (hybrid) FULLY_CONNECTED, prepared: float32 input quantized per batch row on the fly
 * (symmetric, or asymmetric when {@code asymmetric}; see {@link HybridQuantizer}), symmetric int8 weights [outDepth][accumDepth] with one scale or
 * one per output row, float32 bias, float32 output clamped to [actMin, actMax].
 *
 * @param weightScales one entry (per tensor) or outDepth entries (per channel)
 */
public record FullyConnectedHybridParams(Operator op, int input, int filter, int bias, int output,
        int batches, int accumDepth, int outDepth, float[] weightScales, boolean asymmetric, float actMin,
        float actMax)
        implements OpParams, HasMacs {

    public FullyConnectedHybridParams {
        weightScales = weightScales.clone();
    }

    @Override
    public float[] weightScales() {
        return weightScales.clone();
    }

    /** True when there is one weight scale per output row. */
    public boolean perChannel() {
        return weightScales.length > 1;
    }

    /** The quantized input row copy plus one scaling factor per batch. */
    @Override
    public long scratchBytes() {
        return HybridQuantizer.scratchBytes(batches, accumDepth);
    }

    @Override
    public long macs() {
        return (long) batches * outDepth * accumDepth;
    }
}
