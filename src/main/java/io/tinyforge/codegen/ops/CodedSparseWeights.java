package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.prune.CodedSparseLayout;
import io.tinyforge.prune.CodedSparsePolicy;
import java.util.List;
import java.util.Map;

/**
 * Entropy-coded sparse storage of an int8 filter (pruned and clustered models, docs/PRUNING.md): when
 * {@link CodedSparsePolicy} finds the coded layout of a CONV_2D or FULLY_CONNECTED filter smaller than every
 * other layout, the emitter passes a {@code tfg_sparse_coded} (bit stream, table, symbols) and calls the
 * {@code _spc} kernel.
 */
public final class CodedSparseWeights {

    private final CodedSparseLayout layout;
    private final String literal;

    private CodedSparseWeights(CodedSparseLayout layout, String literal) {
        this.layout = layout;
        this.literal = literal;
    }

    /** The coded form of {@code op}'s filter (registering its arrays), or null when another layout is chosen. */
    public static CodedSparseWeights choose(EmitContext ctx, Operator op) {
        CodedSparseLayout layout = CodedSparsePolicy.layout(ctx.graph(), op);
        if (layout == null) {
            return null;
        }
        Tensor t = ctx.graph().tensor(op.inputs()[1]);
        String bits = ctx.constInt8("t" + t.index() + "_bits", layout.bits());
        String table = ctx.constInt8("t" + t.index() + "_table", layout.table());
        String symbols = ctx.constInt8("t" + t.index() + "_symbols", layout.symbols());
        String lit = "(tfg_sparse_coded){(const uint8_t *)" + bits + ", (const uint8_t *)" + table + ", " + symbols
                + "}";
        return new CodedSparseWeights(layout, lit);
    }

    /** The C expression of the filter argument: a {@code tfg_sparse_coded} compound literal. */
    public String filter() {
        return literal;
    }

    /** The layout chosen. */
    public CodedSparseLayout layout() {
        return layout;
    }

    /** The call of the coded kernel: template {@code <template>_spc}, runtime file {@code source}. */
    public OpCall call(String template, Map<String, Object> args, String source) {
        return new OpCall(template + "_spc", args, List.of(source));
    }
}
