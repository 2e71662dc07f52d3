package io.tinyforge.cluster;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.Locale;

/**
 * When generated C stores an operator's int8 filter as codebook + packed indices: the filter is int8, a
 * {@link CodebookLayout} is smaller than the dense array, and codebooks are not switched off (system property
 * {@code tinyforge.codebook} or environment variable {@code TINYFORGE_CODEBOOK} set to {@code off}). The code
 * generator and the memory plan (which keeps such operators out of the dense-only in-place kernels) both ask here.
 */
public final class CodebookPolicy {

    private CodebookPolicy() {
    }

    /** True unless codebook weights were switched off by property or environment. */
    public static boolean enabled() {
        String v = System.getProperty("tinyforge.codebook", System.getenv("TINYFORGE_CODEBOOK"));
        if (v == null) {
            return true;
        }
        String l = v.trim().toLowerCase(Locale.ROOT);
        return !(l.equals("off") || l.equals("0") || l.equals("false") || l.equals("no"));
    }

    /** The codebook layout of {@code op}'s filter in generated C, or null when it stays dense. */
    public static CodebookLayout layout(Graph g, Operator op) {
        if (g == null || !enabled()) {
            return null;
        }
        WeightTensor w = WeightTensor.of(g, op);
        if (w == null) {
            return null;
        }
        Tensor t = g.tensor(w.tensor());
        return t.dtype() == DType.INT8 ? CodebookLayout.best(t, w.axis()) : null;
    }

    /**
     * The codebook layout of {@code op}'s float32 filter in generated C (read by the {@code _cb_f32} kernels),
     * or null when it stays dense: the filter is float32 with at most 256 distinct values per tensor or per
     * channel and the codebook plus packed indices take fewer bytes than the dense array.
     */
    public static CodebookLayout floatLayout(Graph g, Operator op) {
        if (g == null || !enabled()) {
            return null;
        }
        WeightTensor w = WeightTensor.of(g, op);
        if (w == null) {
            return null;
        }
        Tensor t = g.tensor(w.tensor());
        return t.dtype() == DType.FLOAT32 ? CodebookLayout.best(t, w.axis()) : null;
    }

    /** True when {@code op}'s filter is generated as a codebook. */
    public static boolean usesCodebook(Graph g, Operator op) {
        return layout(g, op) != null;
    }
}
