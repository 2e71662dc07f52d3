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
        String cluster = "zero-keeping clustering of pruned weights (issue 5 item 6) is not in this build yet";
        String kd = "knowledge distillation (io.tinyforge.distill, issue 5 item 4) is not in this build yet";
        return List.of(
                new TrainFloatStep(),
                new PtqInt8Step(f, "int8_ptq", "full int8 PTQ"),
                new DynamicRangeStep(f),
                new Float16Step(f),
                new KMeansStep("int8_ptq", "int8_kmeans4", "int8 + k-means 4 bit", 4, false),
                new PruneStep("pruned80_int8", "pruned80", "pruned 80 % + int8", 0.8, false),
                new PruneStep("pruned90_int8", "pruned90", "pruned 90 % + int8", 0.9, false),
                new PruneStep("structured50_int8", "structured50", "50 % of filters removed + int8", 0.5, true),
                new QatStep(f, "qat_int8", "QAT int8"),
                new PendingStep(List.of("student_kd_int8", "student_scratch_int8"),
                        "student CNN distilled vs trained from scratch, int8", kd),
                new PendingStep(List.of("pruned80_kmeans4_int8"), "prune 80 % -> k-means 4 bit -> int8", cluster),
                new QatStep("pruned80", "pruned80_qat_int8", "pruned 80 % -> QAT int8"));
    }
}
