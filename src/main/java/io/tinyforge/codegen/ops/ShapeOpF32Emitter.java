package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.ops.ShapeOpF32Params;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * float32 PAD / CONCATENATION / MEAN: the int8 emitter describes the geometry (its const dims/strides arrays
 * and tensor pointers, which the context types as float), then the call is rendered by the {@code <template>_f32}
 * template against the {@code _f32} runtime file; PAD gets its float pad value as an exact literal.
 */
public final class ShapeOpF32Emitter<P extends OpParams> implements OpEmitter<ShapeOpF32Params> {
    private final Class<P> geometryType;
    private final OpEmitter<P> int8;
    private final String kernelSource;

    public ShapeOpF32Emitter(Class<P> geometryType, OpEmitter<P> int8, String kernelSource) {
        this.geometryType = geometryType;
        this.int8 = int8;
        this.kernelSource = kernelSource;
    }

    @Override
    public OpCall emit(ShapeOpF32Params p, EmitContext ctx) {
        OpCall c = int8.emit(geometryType.cast(p.geometry()), ctx);
        Map<String, Object> a = new HashMap<>(c.args());
        a.put("padValue", CFloat.literal(p.padValue()));
        return new OpCall(c.template() + "_f32", a, List.of(kernelSource));
    }
}
