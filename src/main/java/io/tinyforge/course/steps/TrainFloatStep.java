package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.TrainProgress;
import io.tinyforge.train.TrainedCnn;
import java.util.List;

/** Trains the course CNN ({@link ArchSpec#COURSE}) on the budget's training images: the float32 baseline. */
public final class TrainFloatStep implements CompressionStep {

    /** The identifier of the float baseline every ratio is computed against. */
    public static final String ID = "float32";

    @Override
    public List<String> produces() {
        return List.of(ID);
    }

    @Override
    public String label() {
        return "train the float CNN " + ArchSpec.COURSE;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        CourseBudget b = ctx.budget();
        ArchSpec arch = ArchSpec.parse(ArchSpec.COURSE);
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(arch, b.epochs(), 64, 2e-3, b.seed()),
                ctx.data().train().rows(), ctx.data().train().cols());
        t.train(ctx.data().train(), null, ctx.trainProgress("train float CNN " + arch));
        TrainedCnn cnn = t.result();
        ctx.keep(ID, cnn);
        return List.of(CourseContext.variant(ID, "float32 (trained)", null,
                List.of("train " + arch + ", " + b.epochs() + " epoch(s) on " + ctx.data().train().count()
                        + " images, seed " + b.seed()), CnnGraph.of(cnn, ID)));
    }
}
