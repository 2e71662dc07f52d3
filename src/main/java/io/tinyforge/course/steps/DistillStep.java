package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.DistillTrainer;
import io.tinyforge.train.TrainedCnn;
import java.util.List;
import java.util.Locale;

/**
 * Knowledge distillation ({@code tinyforge distill}): a small student CNN trained from the course CNN as teacher
 * (temperature-softened KL + hard-label cross-entropy), and the same student trained from scratch with the same
 * epochs, data and seed; both quantized to int8, so the table shows what distillation buys at equal size.
 */
public final class DistillStep implements CompressionStep {

    /** The student: about a quarter of the course CNN's 9,098 parameters or fewer. */
    public static final String STUDENT = "c2-p-c4-p-d10";
    private static final double TEMPERATURE = 4;
    private static final double ALPHA = 0.7;

    @Override
    public List<String> produces() {
        return List.of("student_kd_int8", "student_scratch_int8");
    }

    @Override
    public String label() {
        return "distill student " + STUDENT + " (and from scratch)";
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        CourseBudget b = ctx.budget();
        ArchSpec arch = ArchSpec.parse(STUDENT);
        TrainedCnn teacher = ctx.cnn(TrainFloatStep.ID);
        DistillTrainer kd = new DistillTrainer(new DistillTrainer.Config(arch, b.epochs(), 64, 2e-3, b.seed(),
                TEMPERATURE, ALPHA, null, 1), teacher);
        kd.train(ctx.data().train(), null, ctx.trainProgress("distill " + STUDENT + " from " + teacher.arch()));
        TrainedCnn distilled = kd.result();
        CnnTrainer scratch = new CnnTrainer(new CnnTrainer.Config(arch, b.epochs(), 64, 2e-3, b.seed()),
                ctx.data().train().rows(), ctx.data().train().cols());
        scratch.train(ctx.data().train(), null, ctx.trainProgress("train " + STUDENT + " from scratch"));
        TrainedCnn plain = scratch.result();
        ctx.keep("student_kd", distilled);
        ctx.keep("student_scratch", plain);
        String params = String.format(Locale.ROOT, "student %s, %,d parameters (teacher %s: %,d, 1/%.1f)", arch,
                distilled.parameters(), teacher.arch(), teacher.parameters(),
                (double) teacher.parameters() / distilled.parameters());
        String train = b.epochs() + " epoch(s) on " + ctx.data().train().count() + " images, seed " + b.seed();
        return List.of(
                int8(ctx, "student_kd_int8", "student distilled + int8", distilled, List.of(params,
                        "distilled: T " + TEMPERATURE + ", alpha " + ALPHA + ", " + train)),
                int8(ctx, "student_scratch_int8", "student from scratch + int8", plain, List.of(params,
                        "from scratch (hard labels only), " + train)));
    }

    private static Variant int8(CourseContext ctx, String id, String label, TrainedCnn cnn, List<String> recipe) {
        List<String> r = new java.util.ArrayList<>(recipe);
        r.add(PtqInt8Step.recipe(ctx));
        return CourseContext.variant(id, label, TrainFloatStep.ID, r, PtqInt8Step.int8(ctx, CnnGraph.of(cnn, id)));
    }
}
