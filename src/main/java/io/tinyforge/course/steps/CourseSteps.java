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
        String prune = "magnitude pruning (io.tinyforge.prune, issue 5 items 1-2) is not in this build yet";
        String qat = "quantization-aware training (io.tinyforge.qat, issue 5 item 3) is not in this build yet";
        return List.of(
                new TrainFloatStep(),
                new PtqInt8Step(f, "int8_ptq", "full int8 PTQ"),
                new DynamicRangeStep(f),
                new Float16Step(f),
                new KMeansStep("int8_ptq", "int8_kmeans4", "int8 + k-means 4 bit", 4, false),
                new PendingStep(List.of("pruned80_int8", "pruned90_int8"), "unstructured pruning 80 % / 90 % + int8",
                        prune),
                new PendingStep(List.of("structured50_int8"), "structured pruning of 50 % of the filters + int8",
                        prune),
                new PendingStep(List.of("qat_int8"), "quantization-aware training to int8", qat),
                new DistillStep(f),
                new PendingStep(List.of("pruned80_kmeans4_int8"), "prune 80 % -> k-means 4 bit -> int8", prune),
                new PendingStep(List.of("pruned80_qat_int8"), "prune 80 % -> QAT int8", prune + "; " + qat));
    }
}
