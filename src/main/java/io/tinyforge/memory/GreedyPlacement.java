package io.tinyforge.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The placement step shared by the greedy planners: first fit at the lowest free offset, in a given order; an
 * in-place group is placed as a whole (one offset for all members) when its first member comes up.
 */
final class GreedyPlacement {

    private GreedyPlacement() {
    }

    static MemoryPlan place(String planner, List<BufferRequest> buffers, List<Integer> order) {
        long[] offsets = new long[buffers.size()];
        List<Integer> placed = new ArrayList<>();
        long arena = 0;
        boolean[] done = new boolean[buffers.size()];
        for (int i : order) {
            if (done[i]) {
                continue;
            }
            BufferRequest b = buffers.get(i);
            if (b.group() >= 0) {
                List<Integer> members = new ArrayList<>();
                for (int m = 0; m < buffers.size(); m++) {
                    if (buffers.get(m).sameGroup(b)) {
                        members.add(m);
                    }
                }
                long at = lowestFit(buffers, members, placed, offsets);
                for (int m : members) {
                    offsets[m] = at;
                    done[m] = true;
                    placed.add(m);
                    arena = Math.max(arena, at + buffers.get(m).alignedSize());
                }
                continue;
            }
            done[i] = true;
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

    /**
     * The lowest offset at which every buffer of {@code members} (one in-place group, all at that offset) is
     * clear of the placed buffers live at the same time as it: 0 or the end of one of those buffers.
     */
    private static long lowestFit(List<BufferRequest> buffers, List<Integer> members, List<Integer> placed,
            long[] offsets) {
        List<Long> candidates = new ArrayList<>();
        candidates.add(0L);
        for (int j : placed) {
            candidates.add(offsets[j] + buffers.get(j).alignedSize());
        }
        candidates.sort(null);
        for (long c : candidates) {
            if (fits(buffers, members, placed, offsets, c)) {
                return c;
            }
        }
        throw new IllegalStateException("no offset fits"); // the largest end always fits
    }

    private static boolean fits(List<BufferRequest> buffers, List<Integer> members, List<Integer> placed,
            long[] offsets, long at) {
        for (int m : members) {
            BufferRequest a = buffers.get(m);
            if (a.alignedSize() == 0) {
                continue;
            }
            for (int j : placed) {
                BufferRequest b = buffers.get(j);
                if (b.alignedSize() > 0 && a.overlapsInTime(b) && !a.sameGroup(b)
                        && at < offsets[j] + b.alignedSize() && offsets[j] < at + a.alignedSize()) {
                    return false;
                }
            }
        }
        return true;
    }
}
