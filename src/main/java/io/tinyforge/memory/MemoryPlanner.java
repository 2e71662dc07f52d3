package io.tinyforge.memory;

import java.util.List;

/**
 * Places buffers with known lifetimes in one arena (TFLM's {@code MemoryPlanner}: {@code AddBuffer(size, first,
 * last)} then {@code GetOffsetForBuffer}). Implementations are deterministic: the same requests always give
 * the same offsets. Sizes are rounded up to {@link MemoryPlan#ALIGNMENT}.
 */
public interface MemoryPlanner {

    /** The name the planner is chosen by ({@code greedy}, {@code linear}, ...). */
    String name();

    /** Plans {@code buffers}; offset {@code i} of the result belongs to request {@code i}. */
    MemoryPlan plan(List<BufferRequest> buffers);
}
