package io.tinyforge.course;

import io.tinyforge.train.CnnTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the course: every available step in order (each variant's {@code .tflite} written to
 * {@code OUT/models}), then every variant measured ({@link VariantMeasurer}, C in {@code OUT/c/ID}), with the
 * wall time of each stage. Training runs on one ND4J thread (deterministic for the seed).
 */
public final class CoursePipeline {
    private final CourseData data;
    private final CourseBudget budget;
    private final Path out;
    private final String commandLine;
    private final PrintStream progress;
    private final boolean terminal;

    /**
     * ND4J threads for every training step: both cores of the 2-core machines the demo is sized for (results are
     * reproducible for a given thread count).
     */
    static final int TRAINING_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** @param progress where progress bars and stage lines go (stderr in the CLI); null for none */
    public CoursePipeline(CourseData data, CourseBudget budget, Path out, String commandLine, PrintStream progress,
            boolean terminal) {
        this.data = data;
        this.budget = budget;
        this.out = out;
        this.commandLine = commandLine;
        this.progress = progress;
        this.terminal = terminal;
    }

    public CourseResult run(List<CompressionStep> steps, Path work) {
        CnnTrainer.threads(TRAINING_THREADS);
        CourseContext ctx = new CourseContext(data, budget, progress, terminal);
        List<CourseResult.Stage> stages = new ArrayList<>();
        List<CourseResult.Pending> pending = new ArrayList<>();
        Path models = out.resolve("models");
        mkdirs(models);
        for (CompressionStep s : steps) {
            if (s.missing().isPresent()) {
                for (String id : s.produces()) {
                    pending.add(new CourseResult.Pending(id, s.label(), s.missing().get()));
                }
                continue;
            }
            long t0 = System.nanoTime();
            for (Variant v : s.run(ctx)) {
                ctx.add(v);
                write(models.resolve(v.id() + ".tflite"), v.tflite());
            }
            stages.add(stage(s.label(), t0));
        }
        VariantMeasurer measurer = new VariantMeasurer(ctx, out.resolve("c"), work, commandLine);
        List<CourseResult.Row> rows = new ArrayList<>();
        for (Variant v : ctx.variants()) {
            long t0 = System.nanoTime();
            rows.add(new CourseResult.Row(v, measurer.measure(v)));
            stages.add(stage("measure " + v.id(), t0));
        }
        return new CourseResult(budget, data.dir().toString(), measurer.emulator(), rows, pending, stages);
    }

    private CourseResult.Stage stage(String name, long t0) {
        CourseResult.Stage st = new CourseResult.Stage(name, (System.nanoTime() - t0) / 1e9);
        if (progress != null) {
            progress.printf(Locale.ROOT, "stage %-50s %7.1f s%n", name, st.seconds());
            progress.flush();
        }
        return st;
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, byte[] b) {
        try {
            Files.write(p, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
