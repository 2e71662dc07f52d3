package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;

/**
 * The generation-time forms of a depth-multiplier-1 DEPTHWISE_CONV_2D that {@code tfg_depthwise_conv2d_dsp_s8}
 * reads (layouts in {@code tfg_nn.h}): the filter re-ordered into int16 lanes per group of four channels and tap,
 * and each channel's double-rounding requantization constants ({@code tfg_requant_prepare}).
 */
public final class DepthwisePacking {

    private DepthwisePacking() {
    }

    /**
     * C names of the packed filter and the requantization table, registered in {@code ctx}, or null when the
     * operator has no such form (depth multiplier other than 1, no graph or a non-int8 filter): the kernel then
     * gets NULL and runs the reference path.
     */
    public static String[] register(DepthwiseConv2DParams p, EmitContext ctx) {
        if (p.depthMultiplier() != 1 || ctx.graph() == null) {
            return null;
        }
        Tensor f = ctx.graph().tensor(p.filter());
        if (f.dtype() != DType.INT8 || f.data() == null
                || f.data().length != p.filterH() * p.filterW() * p.outC()) {
            return null;
        }
        int[] bias = new int[p.outC()];
        if (p.bias() >= 0) {
            Tensor b = ctx.graph().tensor(p.bias());
            if (b.dtype() != DType.INT32 || b.data() == null || b.data().length != 4 * p.outC()) {
                return null;
            }
            java.nio.ByteBuffer.wrap(b.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(bias);
        }
        int taps = p.filterH() * p.filterW();
        int[] weights = packedFilter(f.data(), taps, p.outC());
        int[] folded = foldedStarts(f.data(), taps, p.outC(), bias, p.inputOffset());
        int[] packed = java.util.Arrays.copyOf(weights, weights.length + folded.length);
        System.arraycopy(folded, 0, packed, weights.length, folded.length);
        return new String[] {ctx.constInt32("dw_packed", packed),
            ctx.constInt32("dw_requant", requantTable(p.multipliers(), p.shifts()))};
    }

    /** filter [taps][ch] (int8) as words [2 * (g * taps + t) + k] = w[4g + k] | w[4g + k + 2] << 16. */
    public static int[] packedFilter(byte[] filter, int taps, int ch) {
        int groups = (ch + 3) / 4;
        int[] out = new int[2 * groups * taps];
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < taps; t++) {
                for (int k = 0; k < 2; k++) {
                    int lo = weight(filter, taps, ch, t, 4 * g + k);
                    int hi = weight(filter, taps, ch, t, 4 * g + k + 2);
                    out[2 * (g * taps + t) + k] = (lo & 0xFFFF) | (hi << 16);
                }
            }
        }
        return out;
    }

    /** Per channel: bias + inputOffset * (sum of the channel's weights), the accumulator start of a whole window. */
    public static int[] foldedStarts(byte[] filter, int taps, int ch, int[] bias, int inputOffset) {
        int[] out = new int[ch];
        for (int c = 0; c < ch; c++) {
            int sum = 0;
            for (int t = 0; t < taps; t++) {
                sum += filter[t * ch + c];
            }
            out[c] = bias[c] + inputOffset * sum;
        }
        return out;
    }

    private static int weight(byte[] filter, int taps, int ch, int t, int c) {
        return c < ch ? filter[t * ch + c] : 0;
    }

    /**
     * Per channel: multiplier, code, low and high word of the rounding constant, as {@code tfg_requant_prepare}:
     * right shift r >= 1: code r - 1, constant 2^30 + 2^(30 + r); otherwise code -1 - shift, constant 2^30.
     */
    public static int[] requantTable(int[] multipliers, int[] shifts) {
        int[] out = new int[4 * multipliers.length];
        for (int c = 0; c < multipliers.length; c++) {
            long round = 1L << 30;
            int code;
            if (shifts[c] < 0) {
                round += 1L << (30 - shifts[c]);
                code = -shifts[c] - 1;
            } else {
                code = -1 - shifts[c];
            }
            out[4 * c] = multipliers[c];
            out[4 * c + 1] = code;
            out[4 * c + 2] = (int) round;
            out[4 * c + 3] = (int) (round >>> 32);
        }
        return out;
    }
}
