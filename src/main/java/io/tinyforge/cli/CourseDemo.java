package io.tinyforge.cli;

import io.tinyforge.course.CourseBudget;
import io.tinyforge.course.CourseData;
import io.tinyforge.course.CoursePipeline;
import io.tinyforge.course.CourseReport;
import io.tinyforge.course.CourseResult;
import io.tinyforge.course.HtmlReport;
import io.tinyforge.course.VariantMeasurer;
import io.tinyforge.course.steps.CourseSteps;
import io.tinyforge.data.ImageDatasets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The course mode of {@code tinyforge demo}: picks the dataset, runs {@link CoursePipeline} with the full or the
 * quick {@link CourseBudget}, prints the table and the time per stage, and writes {@code OUT/report.json} and
 * {@code OUT/report.html}. Exit 1 when any variant's C differs from the Java reference.
 */
final class CourseDemo {

    private CourseDemo() {
    }

    static Options addOptions(Options o) {
        return o.addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("Fashion-MNIST IDX files (default " + ImageDatasets.DEBIAN_FASHION_MNIST + ")").build())
                .addOption(Option.builder().longOpt("optimize").hasArg().argName("size|speed")
                        .desc("weight layout of the generated C (default size: int8, codebook or sparse filters, "
                                + "so the table compares compression; speed: int16-packed GEMM filters)").build())
                .addOption(Option.builder().longOpt("quick")
                        .desc("the short course: small subsets, 1 epoch, few images (about a minute)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                        .desc("course: seed of training, shuffling and clustering (default 1)").build())
                .addOption(Option.builder().longOpt("no-emulator")
                        .desc("course: skip the " + VariantMeasurer.BOARD + " firmware runs").build())
                .addOption(Option.builder().longOpt("embedded")
                        .desc("run the embedded default model even when Fashion-MNIST is installed").build());
    }

    /**
     * True for the course: --data given, or Fashion-MNIST installed, and neither --embedded nor --vectors.
     * Says so on {@code inv.out()} when falling back to the embedded model because the dataset is missing.
     */
    static boolean wanted(CommandLine cl, Command.Invocation inv) {
        return wanted(cl, inv, ImageDatasets.DEBIAN_FASHION_MNIST);
    }

    /** {@link #wanted(CommandLine, Command.Invocation)} with the default dataset directory {@code installed}. */
    static boolean wanted(CommandLine cl, Command.Invocation inv, Path installed) {
        boolean course = cl.hasOption("data") || cl.hasOption("quick") || cl.hasOption("seed")
                || cl.hasOption("no-emulator");
        boolean embedded = cl.hasOption("embedded") || cl.hasOption("vectors");
        if (course && embedded) {
            throw new UsageException("--embedded/--vectors run the embedded model; they cannot be combined with "
                    + "--data, --quick, --seed or --no-emulator");
        }
        if (embedded) {
            return false;
        }
        if (cl.hasOption("data")) {
            return true;
        }
        if (ImageDatasets.present(installed)) {
            if (cl.hasOption("rounding")) {
                throw new UsageException("--rounding applies to the embedded model only (add --embedded)");
            }
            return true;
        }
        inv.out().println("Fashion-MNIST not found at " + installed + " (install "
                + "dataset-fashion-mnist or pass --data DIR for the course): running the embedded default model");
        return false;
    }

    static int run(CommandLine cl, Command.Invocation inv) throws IOException {
        io.tinyforge.codegen.Optimize mode = io.tinyforge.codegen.Optimize.parse(cl.getOptionValue("optimize", "size"));
        String saved = System.getProperty(io.tinyforge.codegen.Optimize.PROPERTY);
        io.tinyforge.codegen.Optimize.use(mode);
        try {
            return runCourse(cl, inv);
        } finally {
            if (saved == null) {
                System.clearProperty(io.tinyforge.codegen.Optimize.PROPERTY);
            } else {
                System.setProperty(io.tinyforge.codegen.Optimize.PROPERTY, saved);
            }
        }
    }

    private static int runCourse(CommandLine cl, Command.Invocation inv) throws IOException {
        if (cl.hasOption("rounding")) {
            throw new UsageException("--rounding applies to the embedded model only (add --embedded)");
        }
        Path dir = cl.hasOption("data") ? Path.of(cl.getOptionValue("data")) : ImageDatasets.DEBIAN_FASHION_MNIST;
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--data " + dir + ": no such directory (give the directory holding the "
                    + "Fashion-MNIST IDX files train-images-idx3-ubyte[.gz] ...)");
        }
        if (!ImageDatasets.present(dir)) {
            throw new UsageException("--data " + dir + ": no Fashion-MNIST IDX files there (need train-images-idx3-ubyte,"
                    + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, optionally .gz)");
        }
        Path out = Path.of(cl.getOptionValue("out", "out")).toAbsolutePath();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " exists and is not a directory");
        }
        long seed = TrainCommand.longOption(cl, "seed", 1);
        CourseBudget budget = (cl.hasOption("quick") ? CourseBudget.quick(seed) : CourseBudget.full(seed))
                .withEmulator(!cl.hasOption("no-emulator"));
        PrintStream o = inv.out();
        PrintStream err = System.err;
        boolean terminal = System.console() != null;
        long t0 = System.nanoTime();
        o.printf(Locale.ROOT, "tinyforge demo: the TinyML course on Fashion-MNIST (%s), %s budget: %,d training "
                + "images x %d epoch(s), %,d test images, seed %d%n", dir, budget.name(), budget.trainImages(),
                budget.epochs(), budget.testImages(), seed);
        if (!budget.emulator()) {
            o.println("  emulator: off (--no-emulator)");
        } else if (!VariantMeasurer.emulatorInstalled()) {
            o.println("  emulator: skipped (install gcc-arm-none-eabi, libnewlib-arm-none-eabi and qemu-system-arm to"
                    + " also run every variant on " + VariantMeasurer.BOARD + ")");
        }
        CourseData data = CourseData.load(dir, budget);
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("tinyforge-course");
        CourseResult r;
        try {
            r = new CoursePipeline(data, budget, out, inv.commandLine(), err, terminal).run(CourseSteps.all(), work);
        } finally {
            Engines.deleteTree(work);
        }
        writeAtomically(out.resolve("report.json"), CourseReport.json(r));
        writeAtomically(out.resolve("report.html"), HtmlReport.html(r));
        o.println();
        o.print(CourseReport.table(r));
        o.println();
        o.println("weight B: constants of the generated model_data.c; flash/RAM/instructions: " + (r.emulator()
                ? VariantMeasurer.BOARD + " test firmware (Cortex-M4F, QEMU)" : "not measured (no emulator)")
                + "; x float: float32 weight bytes / weight bytes");
        o.println("time per stage:");
        o.print(CourseReport.stages(r));
        o.printf(Locale.ROOT, "wrote %s, %s, models in %s, C in %s (%.0f s)%n", out.resolve("report.json"),
                out.resolve("report.html"), out.resolve("models"), out.resolve("c"), (System.nanoTime() - t0) / 1e9);
        if (!r.allEqual()) {
            o.println("result: NOT EQUAL: some variant's C differs from the Java reference (see the last column)");
            return 1;
        }
        o.println("result: every variant's C equals the Java reference, byte for byte");
        return 0;
    }

    private static void writeAtomically(Path p, String text) throws IOException {
        Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
