package io.tinyforge.codegen;

import io.tinyforge.refimpl.OpParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emitter counterpart of {@link io.tinyforge.refimpl.DTypeDispatchKernel}: picks the emitter registered for
 * the prepared params' class (int8, float32, hybrid, float16-weight records of one operator type).
 */
public final class DTypeDispatchEmitter implements OpEmitter<OpParams> {
    private final Map<Class<? extends OpParams>, OpEmitter<?>> byParams = new LinkedHashMap<>();

    /** Registers the emitter of one params class; returns this for chaining. */
    public <P extends OpParams> DTypeDispatchEmitter with(Class<P> paramsType, OpEmitter<P> emitter) {
        byParams.put(paramsType, emitter);
        return this;
    }

    @Override
    public OpCall emit(OpParams params, EmitContext ctx) {
        for (Map.Entry<Class<? extends OpParams>, OpEmitter<?>> e : byParams.entrySet()) {
            if (e.getKey().isInstance(params)) {
                return emitAs(e.getKey(), e.getValue(), params, ctx);
            }
        }
        throw new IllegalStateException("no emitter for " + params.getClass().getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private static <P extends OpParams> OpCall emitAs(Class<P> type, OpEmitter<?> emitter, OpParams params,
            EmitContext ctx) {
        return ((OpEmitter<P>) emitter).emit(type.cast(params), ctx);
    }
}
