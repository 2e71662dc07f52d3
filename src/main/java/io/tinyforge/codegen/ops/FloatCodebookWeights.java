package io.tinyforge.codegen.ops;

import io.tinyforge.cluster.CodebookLayout;
import io.tinyforge.cluster.CodebookPolicy;
import io.tinyforge.codegen.EmitContext;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;

/**
 * Codebook storage of a float32 filter (clustered float models, docs/CLUSTERING.md): the float emitters of
 * CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED pass a {@code tfg_codebook_f32} (float codebook + packed
 * indices) to the {@code _cb_f32} kernel instead of the dense array when {@link CodebookPolicy#floatLayout}
 * says the codebook is smaller. The codebook holds the filter's exact float values, so the kernels compute
 * the same floats in the same order as the dense ones.
 */
public final class FloatCodebookWeights {

    private final String literal;

    private FloatCodebookWeights(String literal) {
        this.literal = literal;
    }

    /** The codebook form of {@code op}'s float32 filter (registering its arrays), or null when it stays dense. */
    public static FloatCodebookWeights choose(EmitContext ctx, Operator op) {
        CodebookLayout layout = CodebookPolicy.floatLayout(ctx.graph(), op);
        if (layout == null) {
            return null;
        }
        Tensor t = ctx.graph().tensor(op.inputs()[1]);
        int[] raw = layout.codebook();
        float[] book = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            book[i] = Float.intBitsToFloat(raw[i]);
        }
        String values = ctx.constFloat("t" + t.index() + "_codebook", book);
        String indices = ctx.constInt8("t" + t.index() + "_indices", layout.packed());
        return new FloatCodebookWeights("(tfg_codebook_f32){" + values + ", (const uint8_t *)" + indices + ", "
                + layout.width() + ", " + (layout.perChannel() ? layout.stride() : 0) + "}");
    }

    /** The C expression of the filter argument: a {@code tfg_codebook_f32} compound literal. */
    public String filter() {
        return literal;
    }
}
