package io.tinyforge.cluster;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A weight tensor stored as a codebook plus packed indices (the layout of the generated C, see
 * docs/CLUSTERING.md): {@code groups} codebooks of {@code stride} entries each (one codebook when per tensor,
 * one per output channel otherwise; each sorted ascending, padded with zeros up to {@code stride}) and one
 * {@code width}-bit index per element in flat (C) order, packed by {@link PackedIndices}.
 *
 * @param dtype      element type of the tensor and of the codebook (int8 or float32)
 * @param perChannel one codebook per output channel along {@code axis}
 * @param axis       the output-channel axis
 * @param groups     number of codebooks (1, or the channel count)
 * @param stride     entries of each codebook (the largest distinct-value count of a group)
 * @param width      stored bits per index (1, 2, 4 or 8)
 * @param codebook   groups * stride entries: int8 values, or float32 values as raw int bits
 * @param packed     the packed indices
 * @param elements   elements of the tensor
 */
public record CodebookLayout(DType dtype, boolean perChannel, int axis, int groups, int stride, int width,
        int[] codebook, byte[] packed, long elements) {

    public CodebookLayout {
        codebook = codebook.clone();
        packed = packed.clone();
    }

    @Override
    public int[] codebook() {
        return codebook.clone();
    }

    @Override
    public byte[] packed() {
        return packed.clone();
    }

    /** Bytes of the dense tensor. */
    public long denseBytes() {
        return elements * dtype.size();
    }

    /** Bytes of the codebooks plus the packed indices. */
    public long bytes() {
        return (long) codebook.length * dtype.size() + packed.length;
    }

    /** The codebook entries as int8 values (int8 layouts only). */
    public byte[] codebookInt8() {
        byte[] r = new byte[codebook.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) codebook[i];
        }
        return r;
    }

    /**
     * The cheaper of the per-tensor and per-channel layouts of {@code t}, or null when neither is smaller than
     * the dense tensor (or a group holds more than 256 distinct values).
     */
    public static CodebookLayout best(Tensor t, int axis) {
        CodebookLayout a = build(t, axis, false);
        CodebookLayout b = build(t, axis, true);
        CodebookLayout best = a == null ? b : b == null ? a : b.bytes() < a.bytes() ? b : a;
        return best != null && best.bytes() < best.denseBytes() ? best : null;
    }

    /** The layout of {@code t} with one codebook per tensor or per channel; null above 256 values per group. */
    public static CodebookLayout build(Tensor t, int axis, boolean perChannel) {
        double[] v = values(t);
        int[] dims = t.shape().dims();
        int groups = perChannel ? WeightTensor.channels(t, axis) : 1;
        long inner = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        int[] group = new int[v.length];
        double[][] distinct = new double[groups][];
        int[] count = new int[groups];
        double[] sorted = new double[v.length];
        for (int g = 0; g < groups; g++) {
            int n = 0;
            for (int i = 0; i < v.length; i++) {
                int gi = perChannel ? (int) ((i / inner) % groups) : 0;
                group[i] = gi;
                if (gi == g) {
                    sorted[n++] = v[i];
                }
            }
            double[] s = Arrays.copyOf(sorted, n);
            Arrays.sort(s);
            int u = 0;
            for (int i = 0; i < n; i++) {
                if (u == 0 || Double.compare(s[u - 1], s[i]) != 0) {
                    s[u++] = s[i];
                }
            }
            if (u > 256) {
                return null;
            }
            distinct[g] = Arrays.copyOf(s, u);
            count[g] = u;
        }
        int stride = Math.max(1, Arrays.stream(count).max().orElse(1));
        int width = PackedIndices.width(PackedIndices.bitsFor(stride));
        int[] cb = new int[groups * stride];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < count[g]; j++) {
                cb[g * stride + j] = raw(t.dtype(), distinct[g][j]);
            }
        }
        int[] idx = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = Arrays.binarySearch(distinct[group[i]], v[i]);
        }
        return new CodebookLayout(t.dtype(), perChannel, axis, groups, stride, width, cb,
                PackedIndices.pack(idx, width), v.length);
    }

    /** Value of element {@code i} rebuilt from the codebook (as a double), for checks. */
    public double value(int i, int[] dims) {
        int g = perChannel ? WeightTensor.channelOf(dims, axis, i) : 0;
        int raw = codebook[g * stride + PackedIndices.get(packed, i, width)];
        return dtype == DType.FLOAT32 ? Float.intBitsToFloat(raw) : raw;
    }

    /** The elements of an int8 or float32 tensor as doubles. */
    public static double[] values(Tensor t) {
        byte[] d = t.data();
        if (t.dtype() == DType.INT8) {
            double[] r = new double[d.length];
            for (int i = 0; i < d.length; i++) {
                r[i] = d[i];
            }
            return r;
        }
        if (t.dtype() == DType.FLOAT32) {
            ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
            double[] r = new double[d.length / 4];
            for (int i = 0; i < r.length; i++) {
                r[i] = b.getFloat(4 * i);
            }
            return r;
        }
        throw new IllegalArgumentException("codebooks hold int8 or float32 weights, not " + t.dtype().label());
    }

    /** The data of an int8 or float32 tensor holding {@code q} (int8 values are already whole numbers). */
    public static byte[] bytes(double[] q, DType dt) {
        if (dt == DType.INT8) {
            byte[] r = new byte[q.length];
            for (int i = 0; i < q.length; i++) {
                r[i] = (byte) (int) q[i];
            }
            return r;
        }
        ByteBuffer b = ByteBuffer.allocate(q.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : q) {
            b.putFloat((float) x);
        }
        return b.array();
    }

    private static int raw(DType dt, double v) {
        return dt == DType.FLOAT32 ? Float.floatToRawIntBits((float) v) : (int) v;
    }
}
