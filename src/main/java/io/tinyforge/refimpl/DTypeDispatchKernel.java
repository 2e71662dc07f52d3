package io.tinyforge.refimpl;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * One operator type served by several dtype variants (int8, float32, hybrid, float16 weights): {@code prepare}
 * hands the operator to the first variant whose predicate accepts it (the last variant, usually int8, is the
 * fallback and reports its own errors); {@code eval} hands the params to the variant whose params class they
 * have. Each variant keeps its own params record, so the code generator dispatches on that class too.
 */
public final class DTypeDispatchKernel implements OpKernel<OpParams> {
    private final List<Variant<?>> variants;

    /** A kernel with the params class it prepares and the operators it accepts. */
    public record Variant<P extends OpParams>(Class<P> paramsType, BiPredicate<Graph, Operator> accepts,
            OpKernel<P> kernel) {
    }

    public DTypeDispatchKernel(List<Variant<?>> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no variants");
        }
        this.variants = List.copyOf(variants);
    }

    @Override
    public OpParams prepare(Graph graph, Operator op, PrepareContext ctx) {
        for (int i = 0; i < variants.size() - 1; i++) {
            if (variants.get(i).accepts().test(graph, op)) {
                return variants.get(i).kernel().prepare(graph, op, ctx);
            }
        }
        return variants.get(variants.size() - 1).kernel().prepare(graph, op, ctx);
    }

    @Override
    public void eval(OpParams params, TensorStore store) {
        for (Variant<?> v : variants) {
            if (v.paramsType().isInstance(params)) {
                evalAs(v, params, store);
                return;
            }
        }
        throw new IllegalStateException("no variant for " + params.getClass().getSimpleName());
    }

    private static <P extends OpParams> void evalAs(Variant<P> v, OpParams params, TensorStore store) {
        v.kernel().eval(v.paramsType().cast(params), store);
    }
}
