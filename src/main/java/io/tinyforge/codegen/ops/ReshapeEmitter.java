package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.ReshapeParams;
import java.util.List;
import java.util.Map;

/**
 * RESHAPE as C: nothing when the planner put the output in the input's memory (same pointer), else one
 * {@code memcpy} (template {@code reshape}); no runtime source is needed.
 */
public final class ReshapeEmitter implements OpEmitter<ReshapeParams> {

    @Override
    public OpCall emit(ReshapeParams p, EmitContext ctx) {
        String in = ctx.tensor(p.input());
        String out = ctx.tensor(p.output());
        return new OpCall("reshape", Map.of("input", in, "output", out, "bytes", p.bytes(),
                "inPlace", in.equals(out)), List.of());
    }
}
