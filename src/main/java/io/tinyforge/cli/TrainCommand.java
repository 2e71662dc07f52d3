package io.tinyforge.cli;

import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.TrainProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge train --dataset fashion-mnist|mnist --data DIR --epochs N --out cnn.tflite}: trains a small CNN
 * with ND4J (Adam, mini-batches, fixed seed) and exports it as a float32 .tflite; progress goes to stderr.
 */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String arguments() {
        return "--dataset NAME --data DIR --epochs N --out MODEL.tflite";
    }

    @Override
    public String summary() {
        return "train a small CNN on MNIST/Fashion-MNIST (ND4J) and export it as a float32 .tflite";
    }

    @Override
    public Options options() {
        return TrainingFlags.add(new Options()
                .addOption(Option.builder().longOpt("dataset").hasArg().argName("NAME")
                        .desc("dataset: " + String.join(", ", ImageDatasets.NAMES)).build())
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("directory of the IDX files (train-images-idx3-ubyte[.gz], ...)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("FILE").desc("output .tflite").build())
                .addOption(Option.builder().longOpt("arch").hasArg().argName("SPEC")
                        .desc("architecture (default " + ArchSpec.TRAIN_DEFAULT + "; the course CNN is " + ArchSpec.COURSE
                                + "): cN conv3x3+relu, cNkK, p maxpool, dN dense")
                        .build())
                .addOption(Option.builder().longOpt("lr-decay").hasArg().argName("KIND")
                        .desc("learning-rate schedule: none or linear (to 0 over the run; default linear)").build()),
                "epochs (default " + ArchSpec.TRAIN_DEFAULT_EPOCHS + ")", "random seed (default 1)", "Adam learning rate (default 0.002)");
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        if (!cl.getArgList().isEmpty()) {
            throw new UsageException("train takes no positional arguments, got " + cl.getArgList());
        }
        String dataset = ImageDatasets.checkName(required(cl, "dataset"));
        Path dir = Path.of(required(cl, "data"));
        Path out = Path.of(required(cl, "out"));
        TrainingFlags f = TrainingFlags.parse(cl, ArchSpec.TRAIN_DEFAULT_EPOCHS, 2e-3);
        ArchSpec arch = ArchSpec.parse(cl.getOptionValue("arch", ArchSpec.TRAIN_DEFAULT));
        String decay = cl.getOptionValue("lr-decay", "linear").strip();
        if (!decay.equals("none") && !decay.equals("linear")) {
            throw new UsageException("--lr-decay must be none or linear, not '" + decay + "'");
        }

        LabeledImages train = ImageDatasets.train(dir).limit(f.limit());
        LabeledImages test = ImageDatasets.test(dir).limit(f.limit());
        CnnTrainer.threads(f.threads());
        long t0 = System.nanoTime();
        CnnTrainer trainer = new CnnTrainer(new CnnTrainer.Config(arch, f.epochs(), f.batch(), f.lr(), f.seed(),
                decay.equals("linear")), train.rows(),
                train.cols());
        trainer.train(train, test, TrainProgress.stderr());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double acc = trainer.accuracy(test);
        byte[] bytes = CnnGraph.tflite(trainer.result(), stem(out));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        inv.out().printf(Locale.ROOT,
                "trained %s on %,d %s images, %d epoch(s), batch %d, lr %s%s, seed %d in %.1f s%n", arch,
                train.count(), dataset, f.epochs(), f.batch(), f.lr(), decay.equals("linear") ? " (linear decay)" : "",
                f.seed(),
                seconds);
        inv.out().printf(Locale.ROOT, "test accuracy (ND4J, %,d images): %.4f%n", test.count(), acc);
        inv.out().printf(Locale.ROOT, "wrote %s (float32, %,d bytes, %,d parameters)%n", out, bytes.length,
                trainer.result().parameters());
        return 0;
    }

    private static String stem(Path out) {
        String n = out.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static String required(CommandLine cl, String opt) {
        String v = cl.getOptionValue(opt);
        if (v == null) {
            throw new UsageException("missing --" + opt);
        }
        return v;
    }

    static int intOption(CommandLine cl, String opt, int dflt, int min) {
        long v = longOption(cl, opt, dflt);
        if (v < min || v > Integer.MAX_VALUE) {
            throw new UsageException("--" + opt + " must be an integer >= " + min + ", not " + v);
        }
        return (int) v;
    }

    static long longOption(CommandLine cl, String opt, long dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + opt + " must be an integer, not '" + v + "'");
        }
    }

    static double doubleOption(CommandLine cl, String opt, double dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + opt + " must be a positive number, not '" + v + "'");
        }
    }
}
