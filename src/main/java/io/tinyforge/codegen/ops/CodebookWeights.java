package io.tinyforge.codegen.ops;

import io.tinyforge.cluster.CodebookLayout;
import io.tinyforge.cluster.CodebookPolicy;
import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Codebook storage of an int8 filter (clustered models, docs/CLUSTERING.md): when the filter of a CONV_2D,
 * DEPTHWISE_CONV_2D or FULLY_CONNECTED holds few distinct values per tensor or per output channel and a
 * codebook plus packed indices takes fewer bytes than the dense array, the emitter passes a
 * {@code tfg_codebook} and calls the {@code _cb} kernel instead. Setting the system property
 * {@code tinyforge.codebook} or the environment variable {@code TINYFORGE_CODEBOOK} to {@code off} keeps every
 * filter dense (for comparisons).
 */
public final class CodebookWeights {

    private final CodebookLayout layout;
    private final String literal;

    private CodebookWeights(CodebookLayout layout, String literal) {
        this.layout = layout;
        this.literal = literal;
    }

    /** True unless codebook weights were switched off by property or environment. */
    public static boolean enabled() {
        return CodebookPolicy.enabled();
    }

    /**
     * The codebook form of {@code op}'s int8 filter (registering its arrays), or null when the dense filter is
     * smaller, the filter is not int8, or the context has no graph.
     */
    public static CodebookWeights choose(EmitContext ctx, Operator op) {
        CodebookLayout layout = CodebookPolicy.layout(ctx.graph(), op);
        if (layout == null) {
            return null;
        }
        Tensor t = ctx.graph().tensor(op.inputs()[1]);
        String values = ctx.constInt8("t" + t.index() + "_codebook", layout.codebookInt8());
        String indices = ctx.constInt8("t" + t.index() + "_indices", layout.packed());
        String lit = "(tfg_codebook){" + values + ", (const uint8_t *)" + indices + ", " + layout.width() + ", "
                + (layout.perChannel() ? layout.stride() : 0) + "}";
        return new CodebookWeights(layout, lit);
    }

    /** The C expression of the filter argument: a {@code tfg_codebook} compound literal. */
    public String filter() {
        return literal;
    }

    /** The layout chosen. */
    public CodebookLayout layout() {
        return layout;
    }

    /** The call of the codebook kernel: template {@code <template>_cb}, runtime file {@code source}. */
    public OpCall call(String template, Map<String, Object> args, String source) {
        return new OpCall(template + "_cb", args, List.of(source));
    }
}
