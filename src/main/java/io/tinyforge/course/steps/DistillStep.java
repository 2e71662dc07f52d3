package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.Observers;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.DistillTrainer;
import io.tinyforge.train.TrainedCnn;
import java.util.ArrayList;
import java.util.List;

/**
 * Knowledge distillation in the course (docs/DISTILL.md): the trained float CNN teaches the student
 * {@value #STUDENT} (under a quarter of its parameters) with T = 4, α = 0.7; the same student is trained from
 * scratch with the same epochs, images and seed; both are full-int8 quantized as {@link PtqInt8Step} does.
 */
public final class DistillStep implements CompressionStep {

    /** The student architecture. */
    public static final String STUDENT = "c2-p-c4-p-d10";

    private final String teacher;

    public DistillStep(String teacher) {
        this.teacher = teacher;
    }

    @Override
    public List<String> produces() {
        return List.of("student_kd_int8", "student_scratch_int8");
    }

    @Override
    public String label() {
        return "student CNN distilled vs trained from scratch, int8";
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        CourseBudget b = ctx.budget();
        LabeledImages train = ctx.data().train();
        TrainedCnn t = ctx.cnn(teacher);
        ArchSpec arch = ArchSpec.parse(STUDENT);
        DistillTrainer kd = new DistillTrainer(new DistillTrainer.Config(arch, b.epochs(), 64, 2e-3, b.seed(), 4, 0.7,
                null, 1), t);
        kd.train(train, null, ctx.trainProgress("distill " + t.arch() + " -> " + arch));
        CnnTrainer scratch = new CnnTrainer(new CnnTrainer.Config(arch, b.epochs(), 64, 2e-3, b.seed()),
                train.rows(), train.cols());
        scratch.train(train, null, ctx.trainProgress("train student " + arch + " from scratch"));
        String common = arch + " (" + kd.result().parameters() + " parameters, teacher " + t.parameters() + "), "
                + b.epochs() + " epoch(s) on " + train.count() + " images, seed " + b.seed();
        List<Variant> out = new ArrayList<>();
        out.add(int8(ctx, "student_kd_int8", "student distilled (T 4, alpha 0.7), int8", kd.result(),
                "distill " + common + ", T 4, alpha 0.7"));
        out.add(int8(ctx, "student_scratch_int8", "student from scratch, int8", scratch.result(),
                "train " + common));
        return out;
    }

    private Variant int8(CourseContext ctx, String id, String label, TrainedCnn cnn, String how) {
        var calib = ctx.data().calibration();
        var q = FullIntegerQuantizer.quantize(CnnGraph.of(cnn, id), calib, Observers.byName("minmax"), IoType.INT8);
        return CourseContext.variant(id, label, teacher, List.of(how, "full-int8 PTQ, min/max calibration on "
                + calib.size() + " training images"), q.quantized());
    }
}
