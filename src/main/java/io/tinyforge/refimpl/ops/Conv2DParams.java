package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * Everything an int8 CONV_2D needs at run time, computed once: NHWC input and output, OHWI filter with
 * {@code filterC} input channels per group ({@code groups = inC / filterC}), leading padding in input pixels,
 * offsets to add to the raw int8 values, one multiplier/shift per output channel (per-tensor weights are
 * broadcast), and the inclusive output clamp range.
 *
 * @param input        tensor index of the input activations
 * @param filter       tensor index of the constant OHWI weights
 * @param bias         tensor index of the int32 bias, or -1 when absent
 * @param output       tensor index of the output activations
 * @param padH         rows of implicit padding above the input (taps there are skipped)
 * @param padW         columns of implicit padding left of the input
 * @param inputOffset  -zp_in, added to every input value
 * @param outputOffset zp_out, added after rescaling
 * @param multipliers  per output channel, fixed-point in [2^30, 2^31-1] (or 0)
 * @param shifts       per output channel; positive = left shift
 * @param actMin       lowest output value (inclusive)
 * @param rounding        how accumulators are rescaled (the mode the multipliers were made for)
 * @param actMax       highest output value (inclusive)
 */
public record Conv2DParams(Operator op, int input, int filter, int bias, int output,
        int batches, int inH, int inW, int inC,
        int filterH, int filterW, int filterC,
        int outH, int outW, int outC, int groups,
        int strideH, int strideW, int dilationH, int dilationW, int padH, int padW,
        int inputOffset, int outputOffset, int[] multipliers, int[] shifts, int actMin, int actMax, Rounding rounding)
        implements OpParams, HasMacs {

    public Conv2DParams {
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
     * Arena scratch of the DSP kernel: 16 B of prepared requantization per output channel, then four int16 rows
     * (tail taps widened to int32) and one int8 row of one receptive field; 0 if grouped.
     */
    @Override
    public long scratchBytes() {
        if (groups != 1) {
            return 0;
        }
        long k = (long) filterH * filterW * filterC;
        long gemm = 36 * ((k + 3) / 4); // tfg_conv2d_gemm_s8: four pixels' int16 columns and one int8 row
        return Math.max(gemm, 16L * outC + 8 * (k / 4 * 4) + 16 * (k % 4) + (k + 3) / 4 * 4);
    }

    /** Multiply-accumulates of one inference: output elements x filter taps x input channels per group. */
    @Override
    public long macs() {
        return (long) batches * outH * outW * outC * filterH * filterW * filterC;
    }
}
