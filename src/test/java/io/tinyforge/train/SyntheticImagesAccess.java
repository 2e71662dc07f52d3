package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;

/** Lets tests in other packages use {@link SyntheticImages}. */
public final class SyntheticImagesAccess {

    private SyntheticImagesAccess() {
    }

    public static LabeledImages make(int n) {
        return SyntheticImages.make(n, 99);
    }
}
