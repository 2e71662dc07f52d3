package io.tinyforge.course;

/**
 * How much work the course does: training images and epochs of the float CNN, fine-tuning epochs of the steps
 * that retrain, test images scored per variant, calibration images, images compared between the host C and
 * the Java reference, images run on the emulator, the seed, and whether the emulator runs at all.
 */
public record CourseBudget(String name, int trainImages, int epochs, int fineTuneEpochs, int testImages,
        int calibImages, int compareImages, int firmwareImages, long seed, boolean emulator) {

    public CourseBudget {
        if (trainImages < 1 || epochs < 1 || fineTuneEpochs < 0 || testImages < 1 || calibImages < 1
                || compareImages < 1 || firmwareImages < 1) {
            throw new IllegalArgumentException("bad course budget " + name);
        }
    }

    /**
     * The full course, sized to finish in under 15 minutes on 2 cores: all 60,000 training images for 3 epochs,
     * 1 fine-tuning epoch, all 10,000 test images.
     */
    public static CourseBudget full(long seed) {
        return new CourseBudget("full", 60_000, 3, 1, 10_000, 500, 20, 3, seed, true);
    }

    /** The short version for tests: 2,000 training images, 1 epoch, 500 test images, 1 emulated image. */
    public static CourseBudget quick(long seed) {
        return new CourseBudget("quick", 2_000, 1, 1, 500, 100, 5, 1, seed, true);
    }

    /** The same budget without (or with) the emulator runs. */
    public CourseBudget withEmulator(boolean on) {
        return new CourseBudget(name, trainImages, epochs, fineTuneEpochs, testImages, calibImages, compareImages,
                firmwareImages, seed, on);
    }
}
