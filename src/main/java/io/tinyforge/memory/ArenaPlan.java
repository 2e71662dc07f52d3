package io.tinyforge.memory;

import io.tinyforge.refimpl.PreparedModel;
import java.util.Set;
import java.util.TreeSet;

/**
 * A prepared model's buffers and where a planner placed them: what the code generator lays out.
 * {@code lowerBound} is the no-in-place lower bound of the model (largest sum of tensors live together when
 * every operator runs out of place); {@code arenaNoInPlace} is what the planner reaches without in-place ops.
 */
public record ArenaPlan(Lifetimes lifetimes, MemoryPlan plan, long lowerBound, long arenaNoInPlace) {

    /**
     * Plans {@code model} with {@code planner}, in-place operators chosen automatically: start with every
     * operator that may run in place, then put back out of place (one at a time, last first) each one whose
     * in-place form does not make the arena smaller; checks the result.
     */
    public static ArenaPlan of(PreparedModel model, MemoryPlanner planner) {
        return of(model, planner, true);
    }

    /** Plans {@code model}, with automatic in-place operators when {@code inPlace}, else all out of place. */
    public static ArenaPlan of(PreparedModel model, MemoryPlanner planner, boolean inPlace) {
        Lifetimes base = Lifetimes.of(model);
        MemoryPlan basePlan = planner.plan(base.buffers());
        basePlan.check(base.buffers());
        long lower = base.lowerBound();
        if (!inPlace || base.inPlaceCandidates().isEmpty()) {
            return new ArenaPlan(base, basePlan, lower, basePlan.arenaBytes());
        }
        Set<Integer> chosen = new TreeSet<>(base.inPlaceCandidates());
        Lifetimes l = Lifetimes.of(model, chosen);
        MemoryPlan p = planner.plan(l.buffers());
        for (int op : new TreeSet<>(base.inPlaceCandidates()).descendingSet()) {
            Set<Integer> fewer = new TreeSet<>(chosen);
            fewer.remove(op);
            Lifetimes lf = Lifetimes.of(model, fewer);
            MemoryPlan pf = planner.plan(lf.buffers());
            if (pf.arenaBytes() <= p.arenaBytes()) {
                chosen = fewer;
                l = lf;
                p = pf;
            }
        }
        if (p.arenaBytes() >= basePlan.arenaBytes()) {
            return new ArenaPlan(base, basePlan, lower, basePlan.arenaBytes());
        }
        p.check(l.buffers());
        return new ArenaPlan(l, p, lower, basePlan.arenaBytes());
    }

    /** Byte offset of tensor {@code t} in the arena, or -1 when it has no buffer. */
    public long tensorOffset(int t) {
        int b = lifetimes.bufferOfTensor(t);
        return b < 0 ? -1 : plan.offset(b);
    }

    /** Byte offset of operator {@code op}'s scratch, or -1 when it needs none. */
    public long scratchOffset(int op) {
        int b = lifetimes.scratchOfOp(op);
        return b < 0 ? -1 : plan.offset(b);
    }

    public long arenaBytes() {
        return plan.arenaBytes();
    }

    /** The lower bound with the chosen in-place operators (equal to {@link #lowerBound()} without any). */
    public long inPlaceLowerBound() {
        return lifetimes.inPlaceLowerBound();
    }
}
