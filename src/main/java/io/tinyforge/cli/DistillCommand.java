package io.tinyforge.cli;

import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnGraphReader;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.DistillTrainer;
import io.tinyforge.train.TrainProgress;
import io.tinyforge.train.TrainedCnn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge distill --teacher T.tflite --student-arch SPEC --data DIR --out OUT.tflite}: knowledge
 * distillation of a {@code train}ed float CNN into a smaller one (docs/DISTILL.md); writes a float32 .tflite.
 */
final class DistillCommand implements Command {

    @Override
    public String name() {
        return "distill";
    }

    @Override
    public String arguments() {
        return "--teacher T.tflite --student-arch SPEC --data DIR [--temperature 4 --alpha 0.7] "
                + "[--feature-layer NAME] --out OUT.tflite";
    }

    @Override
    public String summary() {
        return "train a smaller CNN from a teacher CNN (knowledge distillation, ND4J) and export it as float32";
    }

    @Override
    public Options options() {
        return TrainingFlags.add(new Options()
                .addOption(Option.builder().longOpt("teacher").hasArg().argName("FILE")
                        .desc("float32 teacher .tflite written by 'tinyforge train'").build())
                .addOption(Option.builder().longOpt("student-arch").hasArg().argName("SPEC")
                        .desc("student architecture, e.g. c4-p-c8-p-d10 (see train --arch)").build())
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("directory of the IDX files (train-images-idx3-ubyte[.gz], ...)").build())
                .addOption(Option.builder().longOpt("dataset").hasArg().argName("NAME")
                        .desc("dataset name for the report: " + String.join(", ", ImageDatasets.NAMES)
                                + " (default fashion-mnist)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("FILE").desc("output .tflite").build())
                .addOption(Option.builder().longOpt("temperature").hasArg().argName("T")
                        .desc("softening temperature T > 0 (default 4)").build())
                .addOption(Option.builder().longOpt("alpha").hasArg().argName("A")
                        .desc("weight of the soft (teacher) term, 0..1; 1-A weighs the labels (default 0.7)").build())
                .addOption(Option.builder().longOpt("feature-layer").hasArg().argName("NAME")
                        .desc("also match the teacher's layer NAME (convN, poolN, denseN) from the student's layer of "
                                + "the same name, or TEACHER:STUDENT, through a learned 1x1 projection (L2)").build())
                .addOption(Option.builder().longOpt("feature-weight").hasArg().argName("B")
                        .desc("weight of the feature term (default 1)").build()),
                "epochs (default 3)", "random seed (default 1)", "Adam learning rate (default 0.002)");
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        if (!cl.getArgList().isEmpty()) {
            throw new UsageException("distill takes no positional arguments, got " + cl.getArgList());
        }
        Path teacherPath = Path.of(TrainCommand.required(cl, "teacher"));
        ArchSpec arch = ArchSpec.parse(TrainCommand.required(cl, "student-arch"));
        Path dir = Path.of(TrainCommand.required(cl, "data"));
        Path out = Path.of(TrainCommand.required(cl, "out"));
        String dataset = ImageDatasets.checkName(cl.getOptionValue("dataset", "fashion-mnist"));
        TrainingFlags f = TrainingFlags.parse(cl, 3, 2e-3);
        double temperature = TrainCommand.doubleOption(cl, "temperature", 4);
        double alpha = fraction(cl, "alpha", 0.7);
        double featureWeight = fraction(cl, "feature-weight", 1);
        String feature = cl.getOptionValue("feature-layer");

        TrainedCnn teacher = CnnGraphReader.read(Models.load(teacherPath), "distill --teacher");
        LabeledImages train = ImageDatasets.train(dir).limit(f.limit());
        LabeledImages test = ImageDatasets.test(dir).limit(f.limit());
        CnnTrainer.threads(f.threads());
        DistillTrainer t = new DistillTrainer(new DistillTrainer.Config(arch, f.epochs(), f.batch(), f.lr(), f.seed(),
                temperature, alpha, feature, featureWeight), teacher);
        double teacherAcc = t.teacherAccuracy(test);
        long t0 = System.nanoTime();
        t.train(train, test, TrainProgress.stderr());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double acc = t.accuracy(test);
        TrainedCnn student = t.result();
        byte[] bytes = CnnGraph.tflite(student, stem(out));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        inv.out().printf(Locale.ROOT, "distilled %s (%,d parameters) into %s (%,d parameters, 1/%.1f) on %,d %s "
                + "images, %d epoch(s), T %s, alpha %s%s, batch %d, lr %s, seed %d in %.1f s%n", teacher.arch(),
                teacher.parameters(), arch, student.parameters(), (double) teacher.parameters() / student.parameters(),
                train.count(), dataset, f.epochs(), temperature, alpha,
                feature == null ? "" : ", feature " + feature + " x " + featureWeight, f.batch(), f.lr(), f.seed(),
                seconds);
        inv.out().printf(Locale.ROOT, "test accuracy (ND4J, %,d images): teacher %.4f, student %.4f%n", test.count(),
                teacherAcc, acc);
        inv.out().printf(Locale.ROOT, "wrote %s (float32, %,d bytes)%n", out, bytes.length);
        return 0;
    }

    /** A number in [0, 1] for --alpha; >= 0 for --feature-weight. */
    private static double fraction(CommandLine cl, String opt, double dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) {
            return dflt;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        boolean alpha = opt.equals("alpha");
        if (!(d >= 0) || Double.isInfinite(d) || alpha && d > 1) {
            throw new UsageException("--" + opt + " must be a number " + (alpha ? "between 0 and 1" : ">= 0")
                    + ", not '" + v + "'");
        }
        return d;
    }

    private static String stem(Path out) {
        String n = out.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
