package io.tinyforge.course;

/**
 * What was measured for one variant. {@code accuracy} on {@code testImages} test images with the Java reference;
 * {@code weightBytes} the bytes of the generated {@code model_data.c}'s constants (compiled by the host compiler:
 * the weights as stored in flash, codebooks and sparse formats included); {@code arenaBytes} the generated
 * arena; {@code hostImages} test images run through the host-compiled C and compared byte for byte with the
 * Java reference ({@code hostMismatch} the first differing output byte, -1 when equal). The firmware figures
 * (null when the emulator did not run): flash and RAM of the linked {@code qemu-mps2-an386} test firmware,
 * mean instructions per inference, and its comparison with the Java reference on {@code emulatorImages} images;
 * {@code emulatorError} says why the firmware could not be built or run (null when it ran or was not tried).
 */
public record Measurement(double accuracy, int testImages, long weightBytes, long arenaBytes, int hostImages,
        long hostMismatch, Long flashBytes, Long ramBytes, Long instructions, Integer emulatorImages,
        Long emulatorMismatch, String emulatorError) {

    /** True when every C run (host and, if it ran, emulator) equals the Java reference and none failed. */
    public boolean equal() {
        return hostMismatch < 0 && (emulatorMismatch == null || emulatorMismatch < 0) && emulatorError == null;
    }

    /** True when the firmware figures are there. */
    public boolean onEmulator() {
        return flashBytes != null;
    }
}
