package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.prune.SparseLayout;
import io.tinyforge.prune.SparsePolicy;
import java.util.List;
import java.util.Map;

/**
 * Sparse storage of an int8 filter (pruned models, docs/PRUNING.md): when {@link SparsePolicy} finds the sparse
 * layout of a CONV_2D or FULLY_CONNECTED filter smaller than the dense array and any codebook layout, the emitter
 * passes a {@code tfg_sparse} (row starts, packed gaps, values or codebook) and calls the {@code _sp} kernel.
 */
public final class SparseWeights {

    private final SparseLayout layout;
    private final String literal;

    private SparseWeights(SparseLayout layout, String literal) {
        this.layout = layout;
        this.literal = literal;
    }

    /** The sparse form of {@code op}'s filter (registering its arrays), or null when it stays dense/codebook. */
    public static SparseWeights choose(EmitContext ctx, Operator op) {
        SparseLayout layout = SparsePolicy.layout(ctx.graph(), op);
        if (layout == null) {
            return null;
        }
        Tensor t = ctx.graph().tensor(op.inputs()[1]);
        String rows = ctx.constInt16("t" + t.index() + "_rows", layout.rowStartUint16());
        String gaps = ctx.constInt8("t" + t.index() + "_gaps", layout.packedEntries());
        String values = layout.hasCodebook() ? "NULL" : ctx.constInt8("t" + t.index() + "_values", layout.values());
        String cb = layout.hasCodebook() ? ctx.constInt8("t" + t.index() + "_codebook", layout.codebook()) : "NULL";
        String lit = "(tfg_sparse){(const uint16_t *)" + rows + ", (const uint8_t *)" + gaps + ", " + values + ", "
                + cb + ", " + layout.stride() + "}";
        return new SparseWeights(layout, lit);
    }

    /** The C expression of the filter argument: a {@code tfg_sparse} compound literal. */
    public String filter() {
        return literal;
    }

    /** The layout chosen. */
    public SparseLayout layout() {
        return layout;
    }

    /** The call of the sparse kernel: template {@code <template>_sp}, runtime file {@code source}. */
    public OpCall call(String template, Map<String, Object> args, String source) {
        return new OpCall(template + "_sp", args, List.of(source));
    }
}
