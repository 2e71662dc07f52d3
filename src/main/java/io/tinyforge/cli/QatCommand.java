package io.tinyforge.cli;

import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.quantize.QuantizedModel;
import io.tinyforge.quantize.Range;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnGraphReader;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.ModelAccuracy;
import io.tinyforge.train.QatModels;
import io.tinyforge.train.QatTrainer;
import io.tinyforge.train.TrainProgress;
import io.tinyforge.train.TrainedCnn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge qat MODEL.tflite --data DIR --epochs N --out OUT.tflite}: quantization-aware fine-tuning of a
 * float CNN from {@code train} (fake-quantized weights and activations, straight-through estimator, EMA ranges),
 * then conversion to a full-int8 .tflite with the learned ranges. See docs/QAT.md.
 */
final class QatCommand implements Command {

    @Override
    public String name() {
        return "qat";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite --data DIR --epochs N --out OUT.tflite";
    }

    @Override
    public String summary() {
        return "quantization-aware fine-tuning of a trained float CNN, written as a full-int8 .tflite";
    }

    @Override
    public Options options() {
        return TrainingFlags.add(new Options()
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("directory of the IDX files the model was trained on").build())
                .addOption(Option.builder().longOpt("dataset").hasArg().argName("NAME")
                        .desc("dataset name for the report: " + String.join(", ", ImageDatasets.NAMES)).build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("FILE").desc("output int8 .tflite").build())
                .addOption(Option.builder().longOpt("float-out").hasArg().argName("FILE")
                        .desc("also write the fine-tuned float32 weights as a .tflite").build())
                .addOption(Option.builder().longOpt("ema-decay").hasArg().argName("D")
                        .desc("decay of the activation-range moving average (default 0.99)").build())
                .addOption(Option.builder().longOpt("calib-images").hasArg().argName("N")
                        .desc("training images whose min/max start the ranges (default 1000)").build())
                .addOption(Option.builder().longOpt("no-keep-zeros")
                        .desc("let weights that are exactly zero in MODEL (pruned) change; by default they stay 0")
                        .build()),
                "epochs (default 1)", "shuffle seed (default 1)", "Adam learning rate (default 0.0005)");
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        Path model = Models.modelPath(cl, name());
        Path dir = Path.of(TrainCommand.required(cl, "data"));
        Path out = Path.of(TrainCommand.required(cl, "out"));
        String dataset = cl.hasOption("dataset") ? ImageDatasets.checkName(cl.getOptionValue("dataset")) : "";
        TrainingFlags f = TrainingFlags.parse(cl, 1, 5e-4);
        int calibImages = TrainCommand.intOption(cl, "calib-images", 1000, 1);
        double decay = emaDecay(cl);
        Path floatOut = cl.hasOption("float-out") ? Path.of(cl.getOptionValue("float-out")) : null;

        TrainedCnn start = CnnGraphReader.read(Models.load(model), "qat");
        LabeledImages train = ImageDatasets.train(dir).limit(f.limit());
        LabeledImages test = ImageDatasets.test(dir).limit(f.limit());
        CnnTrainer.threads(f.threads());
        long t0 = System.nanoTime();
        Map<String, Range> initial = QatModels.initialRanges(start, train, calibImages);
        QatTrainer qat = new QatTrainer(start, new QatTrainer.Config(f.epochs(), f.batch(), f.lr(), f.seed(), decay,
                !cl.hasOption("no-keep-zeros")), initial);
        qat.train(train, test, TrainProgress.stderr());
        double seconds = (System.nanoTime() - t0) / 1e9;
        TrainedCnn tuned = qat.result();
        QuantizedModel qm = QatModels.convert(tuned, qat.ranges(), stem(out));
        byte[] bytes = TfliteWriter.write(qm.quantized());
        double int8Acc = ModelAccuracy.accuracy(ModelAccuracy.predict(PreparedModel.prepare(qm.quantized()), test),
                test);
        write(out, bytes);
        if (floatOut != null) {
            write(floatOut, CnnGraph.tflite(tuned, stem(floatOut)));
        }
        inv.out().printf(Locale.ROOT, "QAT of %s (%s) on %,d %simages, %d epoch(s), batch %d, lr %s, seed %d in %.1f s%n",
                model.getFileName(), start.arch(), train.count(), dataset.isEmpty() ? "" : dataset + " ", f.epochs(),
                f.batch(), f.lr(), f.seed(), seconds);
        inv.out().println("activation ranges (QAT-learned, EMA decay " + decay + "):");
        for (Map.Entry<String, Range> e : qat.ranges().entrySet()) {
            inv.out().printf(Locale.ROOT, "  %-16s [%.5f, %.5f]%n", e.getKey(), e.getValue().min(), e.getValue().max());
        }
        inv.out().printf(Locale.ROOT, "test accuracy (%,d images): fake-quant ND4J %.4f, int8 Java reference %.4f%n",
                test.count(), qat.accuracy(test), int8Acc);
        inv.out().printf(Locale.ROOT, "wrote %s (int8, io int8, %,d bytes, %d operators)%n", out, bytes.length,
                qm.quantized().operators().size());
        if (floatOut != null) {
            inv.out().println("wrote " + floatOut + " (float32 fine-tuned weights)");
        }
        return 0;
    }

    private static double emaDecay(CommandLine cl) {
        String v = cl.getOptionValue("ema-decay");
        if (v == null) {
            return 0.99;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (d >= 0 && d < 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--ema-decay must be a number in [0, 1), not '" + v + "'");
    }

    /** Writes through a temporary file in the same directory, so a failure leaves nothing half-written. */
    static void write(Path out, byte[] bytes) throws java.io.IOException {
        Path abs = out.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".tinyforge-", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String stem(Path out) {
        String n = out.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
