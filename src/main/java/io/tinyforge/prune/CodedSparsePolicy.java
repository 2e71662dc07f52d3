package io.tinyforge.prune;

import io.tinyforge.cluster.CodebookLayout;
import io.tinyforge.cluster.CodebookPolicy;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.Locale;

/**
 * When generated C stores an operator's int8 filter entropy-coded ({@link CodedSparseLayout}, the
 * {@code tfg_*_spc_s8} kernels): only when the generator optimizes for size ({@code --optimize size}, or sparse
 * storage forced {@code on}), since decoding the bit stream costs several times the instructions of the other
 * layouts; then under the same conditions as {@link SparsePolicy} (CONV_2D or FULLY_CONNECTED, a constant int8
 * filter with zero points 0), when the coded layout takes fewer
 * bytes than each of the other layouts the generator could pick: the dense int8 array, the codebook layout
 * ({@link CodebookPolicy}) and both variants of {@link SparseLayout}. So every filter gets the smallest of dense,
 * codebook, sparse and coded sparse. The code generator and the memory plan (no in-place kernel) both ask here.
 * {@code tinyforge.sparse.coded} / {@code TINYFORGE_SPARSE_CODED} = {@code off} keeps the byte-aligned layouts
 * (for comparisons); {@code TINYFORGE_SPARSE=off} switches both sparse formats off.
 */
public final class CodedSparsePolicy {

    private CodedSparsePolicy() {
    }

    /** True unless coded sparse weights were switched off by property or environment. */
    public static boolean enabled() {
        String v = System.getProperty("tinyforge.sparse.coded", System.getenv("TINYFORGE_SPARSE_CODED"));
        String l = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
        return !(l.equals("off") || l.equals("0") || l.equals("false") || l.equals("no"));
    }

    /** --optimize size, or sparse storage forced on (tinyforge.sparse / TINYFORGE_SPARSE = on). */
    private static boolean forSize() {
        if (io.tinyforge.codegen.Optimize.current() == io.tinyforge.codegen.Optimize.SIZE) {
            return true;
        }
        String v = System.getProperty("tinyforge.sparse", System.getenv("TINYFORGE_SPARSE"));
        String l = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
        return l.equals("on") || l.equals("1") || l.equals("true") || l.equals("yes");
    }

    /** The coded layout of {@code op}'s filter in generated C, or null when another layout is at least as small. */
    public static CodedSparseLayout layout(Graph g, Operator op) {
        if (g == null || !enabled() || !SparsePolicy.allowedFor(g) || !forSize()
                || (op.type() != OpType.CONV_2D && op.type() != OpType.FULLY_CONNECTED)
                || op.inputCount() < 2 || op.input(1) < 0) {
            return null;
        }
        Tensor t = g.tensor(op.input(1));
        if (!t.isConstant() || t.dtype() != DType.INT8 || !t.hasQuant() || t.shape().rank() < 2) {
            return null;
        }
        for (long zp : t.quant().zeroPoints()) {
            if (zp != 0) {
                return null;
            }
        }
        byte[] w = t.data();
        int rows = t.shape().dim(0);
        CodedSparseLayout c = CodedSparseLayout.of(w, rows);
        if (c == null || c.bytes() >= w.length) {
            return null;
        }
        CodebookLayout cb = CodebookPolicy.layout(g, op);
        if (cb != null && cb.bytes() <= c.bytes()) {
            return null;
        }
        SparseLayout s = SparseLayout.best(w, rows);
        if (s != null && s.bytes() <= c.bytes()) {
            return null;
        }
        return c;
    }

    /** True when {@code op}'s filter is generated entropy-coded. */
    public static boolean usesCoded(Graph g, Operator op) {
        return layout(g, op) != null;
    }
}
