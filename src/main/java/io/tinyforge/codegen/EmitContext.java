package io.tinyforge.codegen;

/**
 * What an {@link OpEmitter} may ask of the generator while describing one operator's call.
 * Every returned string is a C expression valid inside {@code <name>_invoke()}.
 */
public interface EmitContext {

    /**
     * Pointer to a tensor's data, typed by its dtype: a constant tensor becomes a const array in
     * {@code model_data.c} (emitted once, on first use) and an activation a cast into the planned arena, e.g.
     * {@code ((int8_t *)(tfg_arena + 1024))} or {@code kws_t5}. Index -1 gives {@code NULL}.
     */
    String tensor(int tensorIndex);

    /** Registers a const int8 array in model_data.c (flash) and returns its C name. */
    String constInt8(String hint, byte[] values);

    /** Registers a const int16 array and returns its C name. */
    String constInt16(String hint, short[] values);

    /** Registers a const int32 array and returns its C name. */
    String constInt32(String hint, int[] values);

    /** Registers a const float array and returns its C name. */
    String constFloat(String hint, float[] values);

    /**
     * The graph being generated, for emitters that look at constant data (e.g. codebook weights); null when the
     * context has none, in which case such emitters fall back to their dense form.
     */
    default io.tinyforge.ir.Graph graph() {
        return null;
    }

    /** Pointer ({@code void *}) to this operator's scratch buffer in the arena, sized by {@code scratchBytes()}. */
    String scratch();
}
