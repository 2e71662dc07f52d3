package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * A float32 CONV_2D, prepared: geometry, OHWI weights in float32 or (when {@code halfWeights}) IEEE half,
 * optional float32 bias, and the float clamp range of the fused activation.
 *
 * @param bias        tensor index of the float32 bias, or -1
 * @param halfWeights true when the weights are FLOAT16 (C kernel {@code tfg_conv2d_f16w_f32})
 */
public record Conv2DF32Params(Operator op, int input, int filter, int bias, int output, ConvShape shape,
        boolean halfWeights, float actMin, float actMax) implements OpParams, HasMacs {

    @Override
    public long macs() {
        ConvShape s = shape;
        return (long) s.batches() * s.outH() * s.outW() * s.outC() * s.filterH() * s.filterW() * s.filterC();
    }
}
