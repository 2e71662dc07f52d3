package io.tinyforge.course;

import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images the course uses, cut to the budget: the first {@code trainImages} of the training split, the first
 * {@code testImages} of the test split, and as calibration records the first {@code calibImages} training
 * images scaled to [0, 1] (one float array per record, the model's single input).
 */
public record CourseData(Path dir, LabeledImages train, LabeledImages test, List<float[][]> calibration) {

    public CourseData {
        calibration = List.copyOf(calibration);
    }

    /** Reads the IDX files in {@code dir} (one-line ModelException when they are missing or broken). */
    public static CourseData load(Path dir, CourseBudget b) {
        LabeledImages train = ImageDatasets.train(dir).limit(b.trainImages());
        LabeledImages test = ImageDatasets.test(dir).limit(b.testImages());
        List<float[][]> calib = new ArrayList<>();
        for (int i = 0; i < Math.min(b.calibImages(), train.count()); i++) {
            calib.add(new float[][] {train.image(i)});
        }
        return new CourseData(dir, train, test, calib);
    }
}
