package io.tinyforge.memory;

import java.util.List;

/**
 * Where a planner put each buffer: {@code offsets[i]} (a multiple of {@link #ALIGNMENT}) is the byte offset
 * of request {@code i} inside an arena of {@code arenaBytes}.
 */
public record MemoryPlan(String planner, long[] offsets, long arenaBytes) {

    /** Every buffer offset and the arena size are multiples of this many bytes. */
    public static final int ALIGNMENT = 16;

    public MemoryPlan {
        offsets = offsets.clone();
    }

    @Override
    public long[] offsets() {
        return offsets.clone();
    }

    public long offset(int buffer) {
        return offsets[buffer];
    }

    /** {@code n} rounded up to the alignment. */
    public static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /**
     * Checks that this plan is valid for {@code buffers}: aligned, inside the arena, and no two buffers that
     * are live at the same step share a byte, except members of one in-place group,
     * which must share their offset. Throws {@link IllegalStateException} naming the clash.
     */
    public void check(List<BufferRequest> buffers) {
        if (buffers.size() != offsets.length) {
            throw new IllegalStateException(planner + ": " + offsets.length + " offsets for " + buffers.size()
                    + " buffers");
        }
        for (int i = 0; i < offsets.length; i++) {
            BufferRequest a = buffers.get(i);
            if (offsets[i] < 0 || offsets[i] % ALIGNMENT != 0 || offsets[i] + a.size() > arenaBytes) {
                throw new IllegalStateException(planner + ": " + a.label() + " at " + offsets[i]
                        + " is misaligned or outside the arena of " + arenaBytes);
            }
            for (int j = i + 1; j < offsets.length; j++) {
                BufferRequest b = buffers.get(j);
                if (a.sameGroup(b)) {
                    if (offsets[i] != offsets[j]) {
                        throw new IllegalStateException(planner + ": " + a.label() + " and " + b.label()
                                + " are chained in place but not at the same offset");
                    }
                    continue;
                }
                boolean overlapInMemory = offsets[i] < offsets[j] + b.size() && offsets[j] < offsets[i] + a.size();
                if (a.size() > 0 && b.size() > 0 && a.overlapsInTime(b) && overlapInMemory) {
                    throw new IllegalStateException(planner + ": " + a.label() + " and " + b.label()
                            + " are live together and overlap in memory");
                }
            }
        }
    }
}
