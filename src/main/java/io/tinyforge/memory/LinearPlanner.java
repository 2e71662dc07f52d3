package io.tinyforge.memory;

import java.util.List;

/** Puts every buffer after the previous one, sharing nothing: the upper bound, and handy for debugging. */
public final class LinearPlanner implements MemoryPlanner {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> buffers) {
        long[] offsets = new long[buffers.size()];
        long end = 0;
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = end;
            end += buffers.get(i).alignedSize();
        }
        return new MemoryPlan(name(), offsets, end);
    }
}
