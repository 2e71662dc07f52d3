package io.tinyforge.memory;

import java.util.List;

/**
 * Runs several planners and keeps the smallest arena (ties: the earlier planner in the list). Greedy by size
 * is not optimal on every graph (e.g. chains of alternating sizes), and the planners fail on different ones.
 */
public final class BestOfPlanner implements MemoryPlanner {
    private final List<MemoryPlanner> candidates;

    public BestOfPlanner(List<MemoryPlanner> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    @Override
    public String name() {
        return "best";
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> buffers) {
        MemoryPlan best = null;
        for (MemoryPlanner p : candidates) {
            MemoryPlan plan = p.plan(buffers);
            if (best == null || plan.arenaBytes() < best.arenaBytes()) {
                best = plan;
            }
        }
        return new MemoryPlan(name() + "(" + best.planner() + ")", best.offsets(), best.arenaBytes());
    }
}
