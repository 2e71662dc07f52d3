package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;

/**
 * The generation-time forms of a depth-multiplier-1 DEPTHWISE_CONV_2D that {@code tfg_depthwise_conv2d_dsp_s8}
 * reads (layouts in {@code tfg_nn.h}): the filter re-ordered into int16 lanes per group of four channels and tap,
 * followed by each channel's folded accumulator start and its bias; and each channel's requantization constants.
 * With double rounding everything is scaled per channel by 2^(1 + left shift) and the constants are those of
 * {@code tfg_gemm_requant} (SMMLAR form, output zero point folded in); with single rounding nothing is scaled and
 * the constants ({@code tfg_requant_prepare} form) are unused.
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
        int ch = p.outC();
        int[] scale = new int[ch];
        java.util.Arrays.fill(scale, 1);
        int[] requant;
        if (p.rounding() == io.tinyforge.fixedpoint.Rounding.DOUBLE) {
            requant = gemmRequantTable(f.data(), taps, ch, bias, p.multipliers(), p.shifts(), p.inputOffset(),
                    p.outputOffset(), scale);
            if (requant == null) {
                return null;
            }
        } else {
            requant = requantTable(p.multipliers(), p.shifts());
        }
        int[] weights = packedFilter(f.data(), taps, ch, scale);
        int[] folded = foldedStarts(f.data(), taps, ch, bias, p.inputOffset());
        int[] packed = java.util.Arrays.copyOf(weights, weights.length + 2 * ch);
        for (int c = 0; c < ch; c++) {
            packed[weights.length + c] = folded[c] * scale[c];
            packed[weights.length + ch + c] = bias[c] * scale[c];
        }
        return new String[] {ctx.constInt32("dw_packed", packed), ctx.constInt32("dw_requant", requant)};
    }

    /**
     * Double rounding: per channel the {@code tfg_gemm_requant} constants of {@code tfg_gemm.h} (multiplier,
     * rounding constant with the output zero point, r + 256 * c, 0) and one last word, 1 when every channel's c
     * is 31; {@code scale} receives each channel's 2^(1 + left shift), by which its weights and starts are
     * multiplied. Null where that form is not TFLM's arithmetic for every input (left shift above 7, negative
     * multiplier, right shift above 22, scaled accumulator beyond 2^30): the kernel then runs the reference.
     */
    static int[] gemmRequantTable(byte[] filter, int taps, int ch, int[] bias, int[] mult, int[] shift,
            int inputOffset, int outputOffset, int[] scale) {
        long maxX = Math.max(Math.abs(-128L + inputOffset), Math.abs(127L + inputOffset));
        int[] out = new int[4 * ch + 1];
        int all31 = 1;
        for (int c = 0; c < ch; c++) {
            int right = Math.max(-shift[c], 0);
            int left = Math.max(shift[c], 0);
            if (left > 7 || right > 22 || mult[c] < 0) {
                return null;
            }
            scale[c] = 1 << (1 + left);
            long bound = Math.abs((long) bias[c]);
            for (int t = 0; t < taps; t++) {
                bound += Math.abs((long) filter[t * ch + c]) * maxX;
            }
            if (bound * scale[c] > 1L << 30) {
                return null;
            }
            out[4 * c] = mult[c];
            out[4 * c + 1] = (int) ((right >= 1 ? 1L << (right - 1) : 0) + ((long) outputOffset << right));
            out[4 * c + 2] = right + 256 * (right >= 1 ? 31 : 32);
            all31 &= right >= 1 ? 1 : 0;
        }
        out[4 * ch] = all31;
        return out;
    }

    /**
     * filter [taps][ch] (int8) times the channel's scale as words [2 * (g * taps + t) + k] = w[4g + k] |
     * w[4g + k + 2] << 16 (int16 lanes).
     */
    public static int[] packedFilter(byte[] filter, int taps, int ch, int[] scale) {
        int groups = (ch + 3) / 4;
        int[] out = new int[2 * groups * taps];
        for (int g = 0; g < groups; g++) {
            for (int t = 0; t < taps; t++) {
                for (int k = 0; k < 2; k++) {
                    int lo = weight(filter, taps, ch, t, 4 * g + k) * scaleOf(scale, 4 * g + k);
                    int hi = weight(filter, taps, ch, t, 4 * g + k + 2) * scaleOf(scale, 4 * g + k + 2);
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

    private static int scaleOf(int[] scale, int c) {
        return c < scale.length ? scale[c] : 1;
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
