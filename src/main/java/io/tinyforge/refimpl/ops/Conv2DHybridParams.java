package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * A dynamic-range (hybrid) CONV_2D, prepared: float32 NHWC input quantized per batch on the fly (symmetric;
 * asymmetric on the per-channel path, as TFLite's {@code EvalHybridPerChannel}),
 * symmetric int8 OHWI weights with one scale, or one per output channel when {@code perChannel} (TFLite takes
 * the per-channel path only when the scales differ), float32 bias and output.
 */
public record Conv2DHybridParams(Operator op, int input, int filter, int bias, int output, ConvShape shape,
        float[] weightScales, boolean perChannel, float actMin, float actMax) implements OpParams, HasMacs {

    public Conv2DHybridParams {
        weightScales = weightScales.clone();
    }

    @Override
    public float[] weightScales() {
        return weightScales.clone();
    }

    /** The quantized input copy plus one scaling factor per batch. */
    @Override
    public long scratchBytes() {
        return HybridQuantizer.scratchBytes(shape.batches(), (long) shape.inH() * shape.inW() * shape.inC());
    }

    @Override
    public long macs() {
        ConvShape s = shape;
        return (long) s.batches() * s.outH() * s.outW() * s.outC() * s.filterH() * s.filterW() * s.filterC();
    }
}
