package io.tinyforge.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Entropy-coded sparse storage of an int8 filter in generated C ({@code tfg_sparse_coded} in tfg_types.h,
 * docs/PRUNING.md "Entropy-coded sparse weights"): one bit stream over the whole filter in its dense flat C order
 * (rows = output channels, OHWI or [out][in]) that holds, for every non-zero weight in order, its gap (the zeros
 * since the previous non-zero weight, across row ends; the first counts from position 0) as a Rice code with
 * parameter k, then the weight as a canonical Huffman code over the filter's distinct non-zero values; after the
 * last non-zero weight one more Rice-coded gap points at position rows × rowLength (the end), so a decoder needs
 * no entry count. Bits are read least significant first from each byte: a Rice code is q one-bits, a zero bit and
 * the k low bits of the gap (low bit first), with q = gap >> k; a Huffman code is read bit by bit, most
 * significant code bit first (canonical: codes of length l are consecutive, starting at
 * (first(l - 1) + count(l - 1)) · 2, first(1) = 0; symbols ordered by length, then value).
 *
 * <p>Stored arrays: {@code bits} (the stream, zero-padded to whole bytes), {@code table} = k, the longest code
 * length L, and the number of codes of each length 1..L (uint8 each), and {@code symbols}, the int8 weights in
 * canonical order. Flash = bits + 2 + L + symbols bytes ({@link #bytes()}). The Rice parameter (0..7) is chosen
 * to make the stream shortest. Four-bit clustered weights have at most 15 symbols, so a non-zero weight costs
 * about H(values) + 2 + k bits instead of the byte of the 4-bit-gap codebook layout ({@link SparseLayout}).
 */
public final class CodedSparseLayout {

    /** Longest Huffman code accepted (the C decoder reads codes bit by bit into an int32). */
    public static final int MAX_CODE_LENGTH = 24;
    /** Largest Rice parameter tried. */
    public static final int MAX_RICE_K = 7;

    private final int rows;
    private final int rowLength;
    private final int riceK;
    private final int[] counts;   // counts[l - 1]: codes of length l
    private final byte[] symbols; // canonical order
    private final byte[] bits;
    private final int bitLength;
    private final int nonZeros;

    private CodedSparseLayout(int rows, int rowLength, int riceK, int[] counts, byte[] symbols, byte[] bits,
            int bitLength, int nonZeros) {
        this.rows = rows;
        this.rowLength = rowLength;
        this.riceK = riceK;
        this.counts = counts;
        this.symbols = symbols;
        this.bits = bits;
        this.bitLength = bitLength;
        this.nonZeros = nonZeros;
    }

    /**
     * The coded layout of {@code w} ({@code rows} rows of equal length) with the Rice parameter that gives the
     * fewest bytes; null when {@code w} has no non-zero weight, the rows do not divide it, or a Huffman code
     * would exceed {@link #MAX_CODE_LENGTH} bits.
     */
    public static CodedSparseLayout of(byte[] w, int rows) {
        if (rows <= 0 || w.length == 0 || w.length % rows != 0) {
            return null;
        }
        TreeMap<Byte, Integer> freq = new TreeMap<>();
        for (byte v : w) {
            if (v != 0) {
                freq.merge(v, 1, Integer::sum);
            }
        }
        if (freq.isEmpty()) {
            return null;
        }
        TreeMap<Byte, Integer> lengths = huffmanLengths(freq);
        int maxLen = lengths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (maxLen > MAX_CODE_LENGTH) {
            return null;
        }
        // canonical order: by length, then by value
        List<Byte> order = new ArrayList<>(lengths.keySet());
        order.sort(Comparator.comparingInt((Byte b) -> lengths.get(b)).thenComparingInt(b -> b));
        int[] counts = new int[maxLen];
        for (byte b : order) {
            counts[lengths.get(b) - 1]++;
        }
        byte[] symbols = new byte[order.size()];
        TreeMap<Byte, int[]> codes = new TreeMap<>(); // value -> {code, length}
        int code = 0;
        int idx = 0;
        for (int len = 1; len <= maxLen; len++) {
            for (int i = 0; i < counts[len - 1]; i++) {
                byte v = order.get(idx);
                symbols[idx++] = v;
                codes.put(v, new int[] {code++, len});
            }
            code <<= 1;
        }
        CodedSparseLayout best = null;
        for (int k = 0; k <= MAX_RICE_K; k++) {
            CodedSparseLayout c = encode(w, rows, k, counts, symbols, codes);
            if (best == null || c.bytes() < best.bytes()) {
                best = c;
            }
        }
        return best;
    }

    private static CodedSparseLayout encode(byte[] w, int rows, int k, int[] counts, byte[] symbols,
            TreeMap<Byte, int[]> codes) {
        BitWriter out = new BitWriter();
        int prev = -1;
        int nz = 0;
        for (int i = 0; i < w.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            out.rice(i - prev - 1, k);
            int[] c = codes.get(w[i]);
            for (int b = c[1] - 1; b >= 0; b--) {
                out.bit((c[0] >>> b) & 1);
            }
            prev = i;
            nz++;
        }
        out.rice(w.length - prev - 1, k); // the end marker
        return new CodedSparseLayout(rows, w.length / rows, k, counts.clone(), symbols.clone(), out.bytes(),
                out.length(), nz);
    }

    /** Huffman code lengths of the values (deterministic: ties broken by the smallest value in a subtree). */
    private static TreeMap<Byte, Integer> huffmanLengths(TreeMap<Byte, Integer> freq) {
        TreeMap<Byte, Integer> len = new TreeMap<>();
        if (freq.size() == 1) {
            len.put(freq.firstKey(), 1);
            return len;
        }
        record Node(long weight, int minValue, List<Byte> leaves) {
        }
        PriorityQueue<Node> q = new PriorityQueue<>(
                Comparator.comparingLong(Node::weight).thenComparingInt(Node::minValue));
        for (var e : freq.entrySet()) {
            q.add(new Node(e.getValue(), e.getKey(), List.of(e.getKey())));
            len.put(e.getKey(), 0);
        }
        while (q.size() > 1) {
            Node a = q.poll();
            Node b = q.poll();
            List<Byte> leaves = new ArrayList<>(a.leaves());
            leaves.addAll(b.leaves());
            for (byte v : leaves) {
                len.merge(v, 1, Integer::sum);
            }
            q.add(new Node(a.weight() + b.weight(), Math.min(a.minValue(), b.minValue()), leaves));
        }
        return len;
    }

    public int rows() {
        return rows;
    }

    public int rowLength() {
        return rowLength;
    }

    /** The Rice parameter of the gaps. */
    public int riceK() {
        return riceK;
    }

    /** Non-zero weights coded. */
    public int nonZeros() {
        return nonZeros;
    }

    /** Bits in the stream (before padding to whole bytes). */
    public int bitLength() {
        return bitLength;
    }

    /** The stream, least significant bit of each byte first. */
    public byte[] bits() {
        return bits.clone();
    }

    /** k, the longest code length L, and the code counts of lengths 1..L (uint8 each). */
    public byte[] table() {
        byte[] t = new byte[2 + counts.length];
        t[0] = (byte) riceK;
        t[1] = (byte) counts.length;
        for (int i = 0; i < counts.length; i++) {
            t[2 + i] = (byte) counts[i];
        }
        return t;
    }

    /** The int8 weights in canonical code order. */
    public byte[] symbols() {
        return symbols.clone();
    }

    /** Bytes in flash: stream + table + symbols. */
    public long bytes() {
        return bits.length + 2L + counts.length + symbols.length;
    }

    /**
     * The dense filter, decoded row by row exactly as the C kernels decode it: the state (bit position, position
     * of the last non-zero weight) carries from one row to the next, and a row ends at the first gap that reaches
     * past it (that gap is read again by the next row).
     */
    public byte[] decode() {
        byte[] w = new byte[rows * rowLength];
        BitReader in = new BitReader(bits);
        int prev = -1;
        for (int r = 0; r < rows; r++) {
            int end = (r + 1) * rowLength;
            while (true) {
                int save = in.pos;
                int pos = prev + in.rice(riceK) + 1;
                if (pos >= end) {
                    in.pos = save;
                    break;
                }
                w[pos] = in.huffman(counts, symbols);
                prev = pos;
            }
        }
        return w;
    }

    @Override
    public String toString() {
        return "CodedSparseLayout[" + rows + "x" + rowLength + ", " + nonZeros + " non-zeros, k " + riceK
                + ", code lengths " + Arrays.toString(counts) + ", " + bytes() + " B]";
    }

    private static final class BitWriter {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private int cur;
        private int n;
        private int length;

        void bit(int b) {
            cur |= (b & 1) << n;
            length++;
            if (++n == 8) {
                out.write(cur);
                cur = 0;
                n = 0;
            }
        }

        void rice(int gap, int k) {
            for (int q = gap >>> k; q > 0; q--) {
                bit(1);
            }
            bit(0);
            for (int i = 0; i < k; i++) {
                bit((gap >>> i) & 1);
            }
        }

        byte[] bytes() {
            byte[] b = out.toByteArray();
            if (n == 0) {
                return b;
            }
            byte[] c = Arrays.copyOf(b, b.length + 1);
            c[b.length] = (byte) cur;
            return c;
        }

        int length() {
            return length;
        }
    }

    private static final class BitReader {
        private final byte[] b;
        int pos;

        BitReader(byte[] b) {
            this.b = b;
        }

        int bit() {
            int v = (b[pos >>> 3] >> (pos & 7)) & 1;
            pos++;
            return v;
        }

        int rice(int k) {
            int q = 0;
            while (bit() == 1) {
                q++;
            }
            int r = 0;
            for (int i = 0; i < k; i++) {
                r |= bit() << i;
            }
            return (q << k) | r;
        }

        byte huffman(int[] counts, byte[] symbols) {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len <= counts.length; len++) {
                code |= bit();
                int count = counts[len - 1];
                if (code - first < count) {
                    return symbols[index + code - first];
                }
                index += count;
                first = (first + count) << 1;
                code <<= 1;
            }
            throw new IllegalStateException("invalid Huffman code at bit " + pos);
        }
    }
}
