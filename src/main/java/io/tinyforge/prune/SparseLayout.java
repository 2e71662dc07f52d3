package io.tinyforge.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Sparse storage of an int8 filter in generated C (docs/PRUNING.md, {@code tfg_sparse} in tfg_types.h). The filter
 * is seen as {@code rows} output channels of {@code rowLength} weights in the dense flat C order (OHWI or
 * [out][in]). Each row's non-zero weights become entries in order; entry e has a 4-bit gap (the zeros skipped
 * since the previous entry of the row, or since the row start) and a weight. A run of more than 15 zeros is
 * bridged by filler entries of gap 15 and weight 0, which the kernels multiply like any other entry, so the int32
 * sums equal the dense kernel's. Row r owns entries [rowStart[r], rowStart[r + 1]) (uint16, so at most 65,535
 * entries per filter).
 *
 * <p>Two variants: <b>values</b> — gaps packed two per byte (entry e in byte e / 2, low nibble when e is even)
 * plus one int8 value per entry; <b>codebook</b> — one byte per entry, gap in the low nibble and a 4-bit index
 * into a codebook of at most 16 int8 values that includes 0 (one per tensor, or {@code stride} per row).
 */
public final class SparseLayout {

    /** Most entries a filter may have (row starts are uint16). */
    public static final int MAX_ENTRIES = 65535;
    /** Largest gap one entry encodes. */
    public static final int MAX_GAP = 15;

    private final int rows;
    private final int rowLength;
    private final int[] rowStart;
    private final int[] gaps;
    private final byte[] weights;
    private final byte[] codebook; // null: values variant
    private final int stride;      // codebook entries per row, 0 = per tensor
    private final int[] codes;

    private SparseLayout(int rows, int rowLength, int[] rowStart, int[] gaps, byte[] weights, byte[] codebook,
            int stride, int[] codes) {
        this.rows = rows;
        this.rowLength = rowLength;
        this.rowStart = rowStart;
        this.gaps = gaps;
        this.weights = weights;
        this.codebook = codebook;
        this.stride = stride;
        this.codes = codes;
    }

    /** The values variant of {@code w} ({@code rows} rows of equal length), or null with too many entries. */
    public static SparseLayout values(byte[] w, int rows) {
        int len = w.length / rows;
        List<Integer> rs = new ArrayList<>();
        List<Integer> gs = new ArrayList<>();
        List<Byte> ws = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            rs.add(gs.size());
            int prev = -1;
            for (int i = 0; i < len; i++) {
                byte v = w[r * len + i];
                if (v == 0) {
                    continue;
                }
                while (i - prev - 1 > MAX_GAP) {
                    gs.add(MAX_GAP);
                    ws.add((byte) 0);
                    prev += MAX_GAP + 1;
                }
                gs.add(i - prev - 1);
                ws.add(v);
                prev = i;
            }
        }
        rs.add(gs.size());
        if (gs.size() > MAX_ENTRIES) {
            return null;
        }
        byte[] wv = new byte[ws.size()];
        for (int i = 0; i < wv.length; i++) {
            wv[i] = ws.get(i);
        }
        return new SparseLayout(rows, len, ints(rs), ints(gs), wv, null, 0, null);
    }

    /**
     * The codebook variant of {@code w}: a per-tensor codebook when the tensor has at most 15 distinct non-zero
     * values, else per-row codebooks when every row has at most 15; null otherwise or with too many entries.
     */
    public static SparseLayout codebook(byte[] w, int rows) {
        SparseLayout v = values(w, rows);
        if (v == null) {
            return null;
        }
        int len = w.length / rows;
        TreeSet<Byte> all = distinct(w, 0, w.length);
        if (all.size() <= 16) {
            byte[] cb = table(all, 16);
            return withCodebook(v, cb, 0, r -> cb);
        }
        int stride = 0;
        List<byte[]> tables = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            TreeSet<Byte> d = distinct(w, r * len, (r + 1) * len);
            if (d.size() > 16) {
                return null;
            }
            stride = Math.max(stride, d.size());
            tables.add(null);
        }
        byte[] cb = new byte[stride * rows];
        for (int r = 0; r < rows; r++) {
            byte[] t = table(distinct(w, r * len, (r + 1) * len), stride);
            System.arraycopy(t, 0, cb, r * stride, stride);
            tables.set(r, t);
        }
        return withCodebook(v, cb, stride, tables::get);
    }

    private static SparseLayout withCodebook(SparseLayout v, byte[] cb, int stride,
            java.util.function.IntFunction<byte[]> rowTable) {
        int[] codes = new int[v.weights.length];
        for (int r = 0; r < v.rows; r++) {
            byte[] t = rowTable.apply(r);
            for (int e = v.rowStart[r]; e < v.rowStart[r + 1]; e++) {
                codes[e] = indexOf(t, v.weights[e]);
            }
        }
        return new SparseLayout(v.rows, v.rowLength, v.rowStart, v.gaps, v.weights, cb, stride, codes);
    }

    /** Distinct values of w[from, to) plus 0, ascending. */
    private static TreeSet<Byte> distinct(byte[] w, int from, int to) {
        TreeSet<Byte> s = new TreeSet<>();
        s.add((byte) 0);
        for (int i = from; i < to; i++) {
            s.add(w[i]);
        }
        return s;
    }

    /** The values of s ascending, zero-padded to n entries. */
    private static byte[] table(TreeSet<Byte> s, int n) {
        byte[] t = new byte[n];
        int i = 0;
        for (byte b : s) {
            t[i++] = b;
        }
        return t;
    }

    private static int indexOf(byte[] t, byte v) {
        for (int i = 0; i < t.length; i++) {
            if (t[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("value " + v + " not in its codebook");
    }

    /** The cheaper of the two variants (values on a tie), or null when neither can hold {@code w}. */
    public static SparseLayout best(byte[] w, int rows) {
        SparseLayout v = values(w, rows);
        SparseLayout c = codebook(w, rows);
        if (v == null) {
            return c;
        }
        return c != null && c.bytes() < v.bytes() ? c : v;
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** True for the codebook variant. */
    public boolean hasCodebook() {
        return codebook != null;
    }

    public int rows() {
        return rows;
    }

    public int rowLength() {
        return rowLength;
    }

    /** Number of entries (non-zero weights plus fillers). */
    public int entries() {
        return gaps.length;
    }

    /** Entry offsets of every row and one past the last: rows + 1 values. */
    public int[] rowStart() {
        return rowStart.clone();
    }

    /** The gap of entry e. */
    public int gap(int e) {
        return gaps[e];
    }

    /** The weight of entry e (0 for a filler). */
    public byte weight(int e) {
        return weights[e];
    }

    /** Codebook entries per row, 0 for one per tensor (codebook variant). */
    public int stride() {
        return stride;
    }

    /** The codebook (codebook variant), or null. */
    public byte[] codebook() {
        return codebook == null ? null : codebook.clone();
    }

    /** Row starts as stored (uint16 bit patterns in shorts). */
    public short[] rowStartUint16() {
        short[] s = new short[rowStart.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) rowStart[i];
        }
        return s;
    }

    /** The entry bytes: packed gaps (values variant) or gap | code << 4 per entry (codebook variant). */
    public byte[] packedEntries() {
        if (codebook != null) {
            byte[] b = new byte[gaps.length];
            for (int e = 0; e < b.length; e++) {
                b[e] = (byte) (gaps[e] | codes[e] << 4);
            }
            return b;
        }
        byte[] b = new byte[(gaps.length + 1) / 2];
        for (int e = 0; e < gaps.length; e++) {
            b[e >> 1] |= (byte) (gaps[e] << ((e & 1) * 4));
        }
        return b;
    }

    /** The int8 value of each entry (values variant). */
    public byte[] values() {
        return weights.clone();
    }

    /** Bytes in flash: row starts, entry bytes, values or codebook. */
    public long bytes() {
        long b = 2L * rowStart.length + packedEntries().length;
        return b + (codebook != null ? codebook.length : weights.length);
    }

    /** The dense filter this layout encodes (flat, rows × rowLength). */
    public byte[] decode() {
        byte[] w = new byte[rows * rowLength];
        for (int r = 0; r < rows; r++) {
            int pos = -1;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                pos += gaps[e] + 1;
                w[r * rowLength + pos] = weights[e];
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return "SparseLayout[" + rows + "x" + rowLength + ", " + entries() + " entries, "
                + (codebook == null ? "values" : "codebook stride " + stride) + ", " + bytes() + " B, row starts "
                + Arrays.toString(Arrays.copyOf(rowStart, Math.min(4, rowStart.length))) + "...]";
    }
}
