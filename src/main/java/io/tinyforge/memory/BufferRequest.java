package io.tinyforge.memory;

/**
 * One buffer the arena must hold: {@code size} bytes, live from operator step {@code first} to {@code last}
 * inclusive (as TFLM's {@code AddBuffer(size, first_time_used, last_time_used)}). {@code label} names it in
 * reports ("t12 'conv1'", "scratch op3"). Buffers with the same non-negative {@code group} are chained by
 * in-place operators: a planner must give them all the same offset, and they may then share bytes (each
 * in-place kernel writes its output over its dying input from the same address, see {@link InPlaceRule}).
 */
public record BufferRequest(String label, long size, int first, int last, int group) {

    public BufferRequest {
        if (size < 0 || first > last) {
            throw new IllegalArgumentException("bad buffer " + label + ": size " + size + " live " + first + ".."
                    + last);
        }
    }

    /** A buffer in no in-place group. */
    public BufferRequest(String label, long size, int first, int last) {
        this(label, size, first, last, -1);
    }

    /** True when both buffers are in the same in-place group (so they share an offset). */
    public boolean sameGroup(BufferRequest o) {
        return group >= 0 && group == o.group;
    }

    /** True when both buffers are live at some common step, so they must not share memory. */
    public boolean overlapsInTime(BufferRequest o) {
        return first <= o.last && o.first <= last;
    }

    /** The size rounded up to the arena alignment. */
    public long alignedSize() {
        return MemoryPlan.align(size);
    }
}
