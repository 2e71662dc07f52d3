package io.tinyforge.emulator;

/** How an emulated program ended. */
public enum Outcome {
    /** Exit status 0. */
    SUCCESS("exited with status 0"),
    /** The fault handler ran (it prints FAULT and ends with status 99). */
    FAULT("faulted: the firmware's fault handler ran (status 99)"),
    /** QEMU stopped the CPU in lockup (a fault with no usable handler), QEMU aborts with status 134. */
    LOCKUP("CPU lockup: a fault without a usable handler (QEMU aborted)"),
    /** Still running when the time limit ran out; the emulator was killed. */
    HANG("did not finish within the time limit and was killed"),
    /** Any other non-zero status. */
    ERROR("exited with a non-zero status");

    private final String meaning;

    Outcome(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
