package io.tinyforge.memory;

import io.tinyforge.refimpl.PreparedModel;

/** A prepared model's buffers and where a planner placed them: what the code generator lays out. */
public record ArenaPlan(Lifetimes lifetimes, MemoryPlan plan) {

    /** Plans {@code model} with {@code planner} and checks the result. */
    public static ArenaPlan of(PreparedModel model, MemoryPlanner planner) {
        Lifetimes l = Lifetimes.of(model);
        MemoryPlan p = planner.plan(l.buffers());
        p.check(l.buffers());
        return new ArenaPlan(l, p);
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

    public long lowerBound() {
        return lifetimes.lowerBound();
    }
}
