package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import java.util.List;

/**
 * The course, in order: every step of {@code tinyforge demo}. Steps whose code has not landed yet are
 * {@link PendingStep}s; replacing one by its real step is the only change needed to add it to the demo.
 */
public final class CourseSteps {

    private CourseSteps() {
    }

    public static List<CompressionStep> all() {
        String f = TrainFloatStep.ID;
        return List.of(
                new TrainFloatStep(),
                new PtqInt8Step(f, "int8_ptq", "full int8 PTQ"),
                new DynamicRangeStep(f),
                new Float16Step(f),
                new KMeansStep("int8_ptq", "int8_kmeans4", "int8 + k-means 4 bit", 4, false),
                new ClusterFineTuneStep(f, "kmeans4_ft_int8", "k-means 4 bit fine-tuned + int8", 4),
                new PruneStep("pruned80_int8", "pruned80", "pruned 80 % + int8", 0.8, false),
                new PruneStep("pruned90_int8", "pruned90", "pruned 90 % + int8", 0.9, false),
                new PruneStep("structured50_int8", "structured50", "50 % of filters removed + int8", 0.5, true),
                new QatStep(f, "qat_int8", "QAT int8"),
                new DistillStep(),
                new PruneClusterStep("pruned80_int8", "pruned80_int8_kmeans4", "pruned 80 % + int8 + k-means 4 bit",
                        4),
                new QatStep("pruned80", "pruned80_qat_int8", "pruned 80 % -> QAT int8"));
    }
}
