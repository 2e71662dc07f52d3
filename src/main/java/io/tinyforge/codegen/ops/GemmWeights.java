package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;

/**
 * The generation-time form of an int8 filter for the GEMM kernels ({@code runtime-c/include/tfg_gemm.h}): the
 * weights as int16 times 2, four input channels per group in the order (k0, k2, k1, k3) that SXTAB16 widens
 * inputs in, zero-padded to whole groups; and per output channel a {@code tfg_gemm_channel}: 2 * bias, the
 * multiplier, 2^(r-1) + zp_out * 2^r and the right shift r. Applies only where that arithmetic is exactly
 * TFLM's double-rounding rescaling with no int32 overflow: every shift is a right shift in [1, 22], the
 * multipliers are non-negative and the doubled accumulator stays within +-2^30 for every possible input
 * (bias + sum |w| * max |x + input_offset|, computed from the weights). Otherwise {@code null}: the emitter
 * keeps the other kernels.
 */
public final class GemmWeights {
    private static final long ACC_LIMIT = 1L << 30;
    private static final int MAX_SHIFT = 22;

    private final short[] packed;
    private final int[] channels;

    private GemmWeights(short[] packed, int[] channels) {
        this.packed = packed;
        this.channels = channels;
    }

    /** The packed CONV_2D filter (one group, OHWI rows), or null when the GEMM kernel does not apply. */
    public static GemmWeights conv(Conv2DParams p, Graph g) {
        if (g == null || p.groups() != 1 || p.filterC() != p.inC() || p.rounding() != Rounding.DOUBLE) {
            return null;
        }
        int k = p.filterH() * p.filterW() * p.filterC();
        return pack(g, p.filter(), p.bias(), p.outC(), k, p.multipliers(), p.shifts(), p.inputOffset(),
                p.outputOffset(), false);
    }

    /** The packed FULLY_CONNECTED filter (rows in blocks of four), or null when the GEMM kernel does not apply. */
    public static GemmWeights fullyConnected(FullyConnectedParams p, Graph g) {
        if (g == null || p.filterOffset() != 0 || p.rounding() != Rounding.DOUBLE || p.accumDepth() < 1) {
            return null;
        }
        int[] m = p.multipliers();
        int[] s = p.shifts();
        if (!p.perChannel()) {
            m = fill(p.outDepth(), m[0]);
            s = fill(p.outDepth(), s[0]);
        }
        return pack(g, p.filter(), p.bias(), p.outDepth(), p.accumDepth(), m, s, p.inputOffset(),
                p.outputOffset(), true);
    }

    /** Scratch of {@code tfg_fully_connected_gemm_s8}: the widened input row. */
    public static long fullyConnectedScratch(int accumDepth) {
        return 8L * ((accumDepth + 3) / 4);
    }

    /** Registers the packed filter (int16, flash) and returns its C name. */
    public String filter(EmitContext ctx, String hint) {
        return ctx.constInt16(hint, packed);
    }

    /** Registers the channel constants (flash) and returns a {@code const tfg_gemm_channel *} expression. */
    public String channels(EmitContext ctx, String hint) {
        return "((const tfg_gemm_channel *)" + ctx.constInt32(hint, channels) + ")";
    }

    private static int[] fill(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static GemmWeights pack(Graph g, int filterIndex, int biasIndex, int rows, int k, int[] mult,
            int[] shift, int inputOffset, int outputOffset, boolean fourRows) {
        Tensor f = g.tensor(filterIndex);
        if (f.dtype() != DType.INT8 || f.data() == null || f.data().length != (long) rows * k) {
            return null;
        }
        int[] bias = new int[rows];
        if (biasIndex >= 0) {
            Tensor b = g.tensor(biasIndex);
            if (b.dtype() != DType.INT32 || b.data() == null || b.data().length != 4L * rows) {
                return null;
            }
            java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                bias[r] = bb.getInt();
            }
        }
        byte[] w = f.data();
        long maxX = Math.max(Math.abs(-128L + inputOffset), Math.abs(127L + inputOffset));
        int groups = (k + 3) / 4;
        int paddedRows = fourRows ? (rows + 3) / 4 * 4 : rows;
        int[] ch = new int[4 * paddedRows];
        for (int r = 0; r < rows; r++) {
            int right = -shift[r];
            if (right < 1 || right > MAX_SHIFT || mult[r] < 0) {
                return null;
            }
            long bound = 2L * Math.abs((long) bias[r]);
            for (int i = 0; i < k; i++) {
                bound += 2L * Math.abs(w[r * k + i]) * maxX;
            }
            if (bound > ACC_LIMIT) {
                return null;
            }
            ch[4 * r] = 2 * bias[r];
            ch[4 * r + 1] = mult[r];
            ch[4 * r + 2] = (int) ((1L << (right - 1)) + ((long) outputOffset << right));
            ch[4 * r + 3] = right;
        }
        for (int r = rows; r < paddedRows; r++) {
            ch[4 * r + 3] = 1; // padded row: 0 * anything, a valid shift; never stored
        }
        short[] out = new short[paddedRows * groups * 4];
        for (int r = 0; r < rows; r++) {
            for (int gi = 0; gi < groups; gi++) {
                int base = fourRows ? ((r / 4) * groups * 16 + gi * 16 + (r % 4) * 4) : (r * groups + gi) * 4;
                int[] order = {0, 2, 1, 3};
                for (int j = 0; j < 4; j++) {
                    int idx = 4 * gi + order[j];
                    out[base + j] = idx < k ? (short) (2 * w[r * k + idx]) : 0;
                }
            }
        }
        return new GemmWeights(out, ch);
    }
}
