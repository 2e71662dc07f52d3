package io.tinyforge.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The placement step shared by the greedy planners: first fit at the lowest free offset, in a given order. */
final class GreedyPlacement {

    private GreedyPlacement() {
    }

    static MemoryPlan place(String planner, List<BufferRequest> buffers, List<Integer> order) {
        long[] offsets = new long[buffers.size()];
        List<Integer> placed = new ArrayList<>();
        long arena = 0;
        for (int i : order) {
            BufferRequest b = buffers.get(i);
            long size = b.alignedSize();
            if (size == 0) {
                offsets[i] = 0; // an empty buffer clashes with nothing
                placed.add(i);
                continue;
            }
            List<Integer> clashing = new ArrayList<>();
            for (int j : placed) {
                if (buffers.get(j).overlapsInTime(b) && buffers.get(j).alignedSize() > 0) {
                    clashing.add(j);
                }
            }
            clashing.sort(Comparator.<Integer>comparingLong(j -> offsets[j]).thenComparingInt(j -> j));
            long candidate = 0;
            for (int j : clashing) {
                if (offsets[j] >= candidate + size) {
                    break; // the gap before buffer j is large enough
                }
                candidate = Math.max(candidate, offsets[j] + buffers.get(j).alignedSize());
            }
            offsets[i] = candidate;
            placed.add(i);
            arena = Math.max(arena, candidate + size);
        }
        return new MemoryPlan(planner, offsets, arena);
    }
}
