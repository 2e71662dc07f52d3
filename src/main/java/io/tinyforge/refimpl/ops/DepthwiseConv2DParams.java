package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * Everything an int8 DEPTHWISE_CONV_2D needs at run time, computed once: NHWC input and output, 1HWO filter,
 * output channel {@code oc = ic * depthMultiplier + m}, leading padding in input pixels, offsets, one
 * multiplier/shift per output channel (per-tensor weights are broadcast) and the inclusive clamp range.
 *
 * @param input           tensor index of the input activations
 * @param filter          tensor index of the constant [1, KH, KW, outC] weights
 * @param bias            tensor index of the int32 bias, or -1 when absent
 * @param output          tensor index of the output activations
 * @param depthMultiplier output channels per input channel ({@code outC = inC * depthMultiplier})
 * @param padH            rows of implicit padding above the input (taps there are skipped)
 * @param padW            columns of implicit padding left of the input
 * @param inputOffset     -zp_in, added to every input value
 * @param outputOffset    zp_out, added after rescaling
 * @param multipliers     per output channel, fixed-point in [2^30, 2^31-1] (or 0)
 * @param shifts          per output channel; positive = left shift
 * @param actMin          lowest output value (inclusive)
 * @param rounding        how accumulators are rescaled (the mode the multipliers were made for)
 * @param actMax          highest output value (inclusive)
 */
public record DepthwiseConv2DParams(Operator op, int input, int filter, int bias, int output,
        int batches, int inH, int inW, int inC,
        int filterH, int filterW,
        int outH, int outW, int outC, int depthMultiplier,
        int strideH, int strideW, int dilationH, int dilationW, int padH, int padW,
        int inputOffset, int outputOffset, int[] multipliers, int[] shifts, int actMin, int actMax, Rounding rounding)
        implements OpParams, HasMacs {

    public DepthwiseConv2DParams {
        multipliers = multipliers.clone();
        shifts = shifts.clone();
    }

    @Override
    public int[] multipliers() {
        return multipliers.clone();
    }

    @Override
    public int[] shifts() {
        return shifts.clone();
    }

    /**
     * Arena scratch of {@code tfg_conv2d_gemm_s8}, which runs a layer of one input channel with a depth multiplier
     * as the convolution it equals (codegen.ops.DepthwiseAsConv): four pixels' int16 columns and one int8
     * receptive field (double rounding only; reserved also under {@code --optimize size}, where the reference
     * kernel runs); 0 for every other layer.
     */
    @Override
    public long scratchBytes() {
        return inC == 1 && depthMultiplier > 1 && rounding == Rounding.DOUBLE
                ? 36L * (((long) filterH * filterW + 3) / 4) : 0;
    }

    /** Multiply-accumulates of one inference: output elements x filter taps. */
    @Override
    public long macs() {
        return (long) batches * outH * outW * outC * filterH * filterW;
    }
}
