package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * Everything an int8 FULLY_CONNECTED needs at run time, computed once: {@code batches} rows of
 * {@code accumDepth} inputs, [outDepth][accumDepth] weights, offsets, the rescaling (one entry when
 * {@code perChannel} is false, else one per output) and the inclusive clamp range.
 *
 * @param input        tensor index of the input activations (any shape; read as [batches][accumDepth])
 * @param filter       tensor index of the constant [outDepth, accumDepth] weights
 * @param bias         tensor index of the int32 bias, or -1 when absent
 * @param output       tensor index of the output activations ([batches][outDepth])
 * @param inputOffset  -zp_in, added to every input value
 * @param filterOffset -zp_w, added to every weight (0 for spec-conformant int8 weights)
 * @param outputOffset zp_out, added after rescaling
 * @param perChannel   true when there is one multiplier/shift per output, false for a single one
 * @param multipliers  fixed-point in [2^30, 2^31-1] (or 0); length 1 or outDepth
 * @param shifts       positive = left shift; same length as multipliers
 * @param actMin       lowest output value (inclusive)
 * @param rounding        how accumulators are rescaled (the mode the multipliers were made for)
 * @param actMax       highest output value (inclusive)
 */
public record FullyConnectedParams(Operator op, int input, int filter, int bias, int output,
        int batches, int accumDepth, int outDepth,
        int inputOffset, int filterOffset, int outputOffset, boolean perChannel,
        int[] multipliers, int[] shifts, int actMin, int actMax, Rounding rounding) implements OpParams, HasMacs {

    public FullyConnectedParams {
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
     * Arena scratch of the GEMM kernel ({@code tfg_fully_connected_gemm_s8}, symmetric weights, double rounding):
     * the input row widened to int16, 8 bytes per group of four inputs; 0 otherwise.
     */
    @Override
    public long scratchBytes() {
        return gemmDepth() ? 8L * ((accumDepth + 3) / 4) : 0;
    }

    /**
     * Longest input row the GEMM kernel takes: its int16 copy of the input (2 bytes per input) must stay within
     * 2 KB of arena, so the plan keeps to the no-in-place lower bound + 2 KB (micro_speech's 4,000-input layer
     * keeps the int8 kernel and its 5,968 B arena).
     */
    public static final int GEMM_MAX_ACCUM_DEPTH = 1024;

    /** True when the GEMM kernel's arithmetic and scratch apply to this layer's depth and rounding. */
    public boolean gemmDepth() {
        return filterOffset == 0 && rounding == Rounding.DOUBLE && accumDepth > 0
                && accumDepth <= GEMM_MAX_ACCUM_DEPTH;
    }

    /** Multiply-accumulates of one inference: outputs x inputs x batches. */
    @Override
    public long macs() {
        return (long) batches * outDepth * accumDepth;
    }
}
