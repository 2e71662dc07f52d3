package io.tinyforge.memory;

/**
 * One buffer the arena must hold: {@code size} bytes, live from operator step {@code first} to {@code last}
 * inclusive (as TFLM's {@code AddBuffer(size, first_time_used, last_time_used)}). {@code label} names it in
 * reports ("t12 'conv1'", "scratch op3").
 */
public record BufferRequest(String label, long size, int first, int last) {

    public BufferRequest {
        if (size < 0 || first > last) {
            throw new IllegalArgumentException("bad buffer " + label + ": size " + size + " live " + first + ".."
                    + last);
        }
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
