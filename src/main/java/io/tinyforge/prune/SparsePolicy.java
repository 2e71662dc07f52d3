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
 * When generated C stores an operator's int8 filter sparsely ({@link SparseLayout}, {@code tfg_*_sp_s8} kernels):
 * the operator is CONV_2D or FULLY_CONNECTED, the filter is a constant int8 tensor with zero points 0 (so a
 * skipped zero contributes exactly nothing to the int32 sum), and the sparse layout takes fewer bytes than both
 * the dense array and the codebook layout {@link CodebookPolicy} would choose. The code generator and the memory
 * plan (sparse operators have no in-place kernel) both ask here. Setting the system property
 * {@code tinyforge.sparse} or the environment variable {@code TINYFORGE_SPARSE} to {@code off} keeps every
 * filter dense (or codebook), for comparisons.
 */
public final class SparsePolicy {

    private SparsePolicy() {
    }

    /** True unless sparse weights were switched off by property or environment. */
    public static boolean enabled() {
        String l = setting();
        return !(l.equals("off") || l.equals("0") || l.equals("false") || l.equals("no"));
    }

    /**
     * True when {@code g}'s filters may be stored sparse: always with {@code --optimize size} or the property set
     * to {@code on}; otherwise (speed, the default) only in models that {@code prune} marked, since the sparse
     * kernels save flash, not instructions.
     */
    public static boolean allowedFor(Graph g) {
        if (!enabled()) {
            return false;
        }
        String l = setting();
        return l.equals("on") || l.equals("1") || l.equals("true") || l.equals("yes")
                || io.tinyforge.codegen.Optimize.current() == io.tinyforge.codegen.Optimize.SIZE
                || PruningMetadata.present(g);
    }

    private static String setting() {
        String v = System.getProperty("tinyforge.sparse", System.getenv("TINYFORGE_SPARSE"));
        return v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
    }

    /** The sparse layout of {@code op}'s filter in generated C, or null when it stays dense or codebook. */
    public static SparseLayout layout(Graph g, Operator op) {
        if (g == null || !allowedFor(g) || (op.type() != OpType.CONV_2D && op.type() != OpType.FULLY_CONNECTED)
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
        if (rows <= 0 || w.length % rows != 0) {
            return null;
        }
        SparseLayout s = SparseLayout.best(w, rows);
        if (s == null || s.bytes() >= w.length) {
            return null;
        }
        CodebookLayout cb = CodebookPolicy.layout(g, op);
        if (cb != null && cb.bytes() <= s.bytes()) {
            return null;
        }
        return s;
    }

    /** True when {@code op}'s filter is generated sparse. */
    public static boolean usesSparse(Graph g, Operator op) {
        return layout(g, op) != null;
    }
}
