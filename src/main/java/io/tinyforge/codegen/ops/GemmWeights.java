package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;

/**
 * The generation-time form of an int8 filter for the GEMM kernels ({@code runtime-c/include/tfg_gemm.h}): the
 * weights as int16 times s = 2^(1 + max(shift, 0)) per output channel, four input channels per group in the
 * order (k0, k2, k1, k3) that SXTAB16 widens inputs in, zero-padded to whole groups; and per output channel a
 * {@code tfg_gemm_channel}: s * bias, the multiplier, the rounding constant with the output zero point and the
 * right shift (the zero point goes after the shift when some right shift exceeds 22). A channel whose rescaled
 * value is the same for every possible input becomes that constant (zero weights and multiplier). Otherwise the
 * GEMM form applies only where its arithmetic is
 * exactly TFLM's double-rounding rescaling with no int32 overflow: left shifts up to 7, non-negative
 * multipliers, and the scaled accumulator
 * within +-2^30 for every possible input (s * (|bias| + sum |w| * max |x + input_offset|), from the weights).
 * Otherwise {@code null}: the emitter keeps the other kernels.
 */
public final class GemmWeights {
    private static final long ACC_LIMIT = 1L << 30;
    private static final int MAX_FOLD = 22;
    private static final int MAX_RIGHT = 31;
    private static final int MAX_LEFT = 7;

    private final short[] packed;
    private final int[] channels;
    private final int zeroPointAfter;

    private GemmWeights(short[] packed, int[] channels, int zeroPointAfter) {
        this.packed = packed;
        this.channels = channels;
        this.zeroPointAfter = zeroPointAfter;
    }

    /** The output zero point the kernel adds after the shift: 0 when every channel's rounding constant holds it. */
    public int zeroPointAfter() {
        return zeroPointAfter;
    }

    /** Whether every channel's correction shift is 31 (the kernel's tfg_gemm_all_c31; padded rows have 31). */
    public boolean allC31() {
        for (int i = 3; i < channels.length; i += 4) {
            if ((channels[i] >> 8) != 31) {
                return false;
            }
        }
        return true;
    }

    /** The packed CONV_2D filter (one group, OHWI rows), or null when the GEMM kernel does not apply. */
    public static GemmWeights conv(Conv2DParams p, Graph g) {
        if (g == null || io.tinyforge.codegen.Optimize.current() != io.tinyforge.codegen.Optimize.SPEED
                || p.groups() != 1 || p.filterC() != p.inC() || p.rounding() != Rounding.DOUBLE) {
            return null;
        }
        int k = p.filterH() * p.filterW() * p.filterC();
        return pack(g, p.filter(), p.bias(), p.outC(), k, p.multipliers(), p.shifts(), p.inputOffset(),
                p.outputOffset(), false);
    }

    /** The packed FULLY_CONNECTED filter (rows in blocks of four), or null when the GEMM kernel does not apply. */
    public static GemmWeights fullyConnected(FullyConnectedParams p, Graph g) {
        if (g == null || io.tinyforge.codegen.Optimize.current() != io.tinyforge.codegen.Optimize.SPEED
                || !p.gemmDepth()) {
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

    /** The packed int16 weights (tests). */
    short[] packedWeights() {
        return packed.clone();
    }

    /** The channel records, four ints each (tests). */
    int[] channelWords() {
        return channels.clone();
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
        return pack(f.data(), bias, rows, k, mult, shift, inputOffset, outputOffset, fourRows);
    }

    /** The packed form of row-major int8 weights [rows][k] with their biases, or null (see the class comment). */
    static GemmWeights pack(byte[] w, int[] bias, int rows, int k, int[] mult, int[] shift, int inputOffset,
            int outputOffset, boolean fourRows) {
        long maxX = Math.max(Math.abs(-128L + inputOffset), Math.abs(127L + inputOffset));
        int groups = (k + 3) / 4;
        int paddedRows = fourRows ? (rows + 3) / 4 * 4 : rows;
        int[] ch = new int[4 * paddedRows];
        int[] scale = new int[rows];
        // a channel whose rescaled value is the same for every possible accumulator becomes that constant
        // (the rescaling is monotone in the accumulator, so its two extremes decide)
        Integer[] constant = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            long lo = bias[r];
            long hi = bias[r];
            for (int i = 0; i < k; i++) {
                long a = (long) w[r * k + i] * (-128 + inputOffset);
                long b = (long) w[r * k + i] * (127 + inputOffset);
                lo += Math.min(a, b);
                hi += Math.max(a, b);
            }
            if (shift[r] <= 0 && mult[r] >= 0 && lo >= Integer.MIN_VALUE && hi <= Integer.MAX_VALUE) {
                int qLo = FixedPoint.multiplyByQuantizedMultiplier((int) lo, mult[r], shift[r], Rounding.DOUBLE);
                int qHi = FixedPoint.multiplyByQuantizedMultiplier((int) hi, mult[r], shift[r], Rounding.DOUBLE);
                if (qLo == qHi) {
                    constant[r] = qLo;
                }
            }
        }
        // the output zero point goes into the rounding constant (zp * 2^r) when that fits every channel
        boolean fold = true;
        for (int r = 0; r < rows; r++) {
            fold &= constant[r] != null || -shift[r] <= MAX_FOLD;
        }
        for (int r = 0; r < rows; r++) {
            if (constant[r] != null) {
                // zero weights and multiplier: the output is round (no shift, no correction)
                ch[4 * r + 2] = constant[r] + (fold ? outputOffset : 0);
                ch[4 * r + 3] = 256 * 31; // the accumulator is 0: no correction either way
                continue;
            }
            int right = Math.max(-shift[r], 0);
            int left = Math.max(shift[r], 0);
            if (left > MAX_LEFT || right > MAX_RIGHT || mult[r] < 0) {
                return null;
            }
            scale[r] = 1 << (1 + left);
            long bound = scale[r] * Math.abs((long) bias[r]);
            for (int i = 0; i < k; i++) {
                bound += (long) scale[r] * Math.abs(w[r * k + i]) * maxX;
            }
            if (bound > ACC_LIMIT) {
                return null;
            }
            ch[4 * r] = scale[r] * bias[r];
            ch[4 * r + 1] = mult[r];
            long round = (right >= 1 ? 1L << (right - 1) : 0) + (fold ? (long) outputOffset << right : 0);
            ch[4 * r + 2] = (int) round;
            ch[4 * r + 3] = right + 256 * (right >= 1 ? 31 : 32);
        }
        for (int r = rows; r < paddedRows; r++) {
            ch[4 * r + 3] = 1 + 256 * 31; // padded row: 0 * anything, a valid shift; never stored
        }
        short[] out = new short[paddedRows * groups * 4];
        for (int r = 0; r < rows; r++) {
            for (int gi = 0; gi < groups; gi++) {
                int base = fourRows ? ((r / 4) * groups * 16 + gi * 16 + (r % 4) * 4) : (r * groups + gi) * 4;
                int[] order = {0, 2, 1, 3};
                for (int j = 0; j < 4; j++) {
                    int idx = 4 * gi + order[j];
                    out[base + j] = idx < k ? (short) (scale[r] * w[r * k + idx]) : 0;
                }
            }
        }
        return new GemmWeights(out, ch, fold ? 0 : outputOffset);
    }
}
