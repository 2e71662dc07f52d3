package io.tinyforge.memory;

import java.util.List;

/**
 * Puts every buffer after the previous one, sharing nothing (an in-place group takes one slot of its largest
 * member): the upper bound, and handy for debugging.
 */
public final class LinearPlanner implements MemoryPlanner {

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> buffers) {
        long[] offsets = new long[buffers.size()];
        long end = 0;
        java.util.Map<Integer, Long> groupAt = new java.util.HashMap<>();
        java.util.Map<Integer, Long> groupSize = new java.util.HashMap<>();
        for (BufferRequest b : buffers) {
            if (b.group() >= 0) {
                groupSize.merge(b.group(), b.alignedSize(), Math::max);
            }
        }
        for (int i = 0; i < offsets.length; i++) {
            BufferRequest b = buffers.get(i);
            if (b.group() >= 0) {
                Long at = groupAt.get(b.group());
                if (at == null) {
                    at = end;
                    groupAt.put(b.group(), at);
                    end += groupSize.get(b.group());
                }
                offsets[i] = at;
                continue;
            }
            offsets[i] = end;
            end += b.alignedSize();
        }
        return new MemoryPlan(name(), offsets, end);
    }
}
