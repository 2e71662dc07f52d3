package io.tinyforge.codegen;

import io.tinyforge.refimpl.OpParams;

/**
 * Turns one prepared operator into the data its C call needs. The emitter registers constant arrays through
 * the {@link EmitContext} and returns the template that renders the call; it writes no C text itself.
 */
public interface OpEmitter<P extends OpParams> {

    OpCall emit(P params, EmitContext ctx);
}
