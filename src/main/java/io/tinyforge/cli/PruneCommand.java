package io.tinyforge.cli;

import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.Graph;
import io.tinyforge.prune.PruneOptions;
import io.tinyforge.prune.Pruner;
import io.tinyforge.prune.PruningMetadata;
import io.tinyforge.prune.PruningSchedule;
import io.tinyforge.prune.SparsityStats;
import io.tinyforge.prune.StructuredPruner;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.CnnGraphReader;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.TrainProgress;
import io.tinyforge.train.TrainedCnn;
import io.tinyforge.exporter.TfliteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge prune MODEL.tflite --data DIR --sparsity S [--structured] [--schedule polynomial|constant]
 * --epochs N --out OUT.tflite}: magnitude pruning (unstructured, with a schedule and masks kept through
 * fine-tuning) or filter pruning (structured) of a float CNN from {@code train}, fine-tuned with ND4J; writes a
 * float32 .tflite with {@code tinyforge.pruning} metadata.
 */
final class PruneCommand implements Command {

    @Override
    public String name() {
        return "prune";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite --data DIR --sparsity S --epochs N --out OUT.tflite";
    }

    @Override
    public String summary() {
        return "prune a float CNN from train (magnitude or whole filters) and fine-tune it (ND4J)";
    }

    @Override
    public Options options() {
        return TrainingFlags.add(new Options()
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("directory of the IDX files of the dataset the model was trained on").build())
                .addOption(Option.builder().longOpt("sparsity").hasArg().argName("S")
                        .desc("fraction of zero weights (unstructured) or of filters removed (--structured), 0..1")
                        .build())
                .addOption(Option.builder().longOpt("structured")
                        .desc("remove whole filters (and the next layer's matching inputs) instead of weights").build())
                .addOption(Option.builder().longOpt("schedule").hasArg().argName("polynomial|constant")
                        .desc("unstructured sparsity schedule (default polynomial)").build())
                .addOption(Option.builder().longOpt("norm").hasArg().argName("l1|l2")
                        .desc("filter norm ranking filters for --structured (default l1)").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("OUT.tflite").desc("output .tflite")
                        .build()),
                "fine-tuning epochs (default 2)", "random seed (default 1)",
                "Adam learning rate of the fine-tuning (default 0.001)");
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        Path in = Models.modelPath(cl, name());
        Path dir = Path.of(TrainCommand.required(cl, "data"));
        Path out = Path.of(TrainCommand.required(cl, "out"));
        String sp = TrainCommand.required(cl, "sparsity");
        double sparsity;
        try {
            sparsity = Double.parseDouble(sp.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--sparsity must be a number in [0, 1), not '" + sp + "'");
        }
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new UsageException("--sparsity must be in [0, 1) (e.g. 0.8 for 80 % zeros), not " + sp);
        }
        boolean structured = cl.hasOption("structured");
        PruningSchedule.Kind schedule = PruningSchedule.parseKind(cl.getOptionValue("schedule", "polynomial"));
        if (schedule == null) {
            throw new UsageException("--schedule must be polynomial or constant, not '" + cl.getOptionValue("schedule")
                    + "'");
        }
        if (structured && cl.hasOption("schedule")) {
            throw new UsageException("--schedule applies to unstructured pruning; --structured removes filters at once");
        }
        StructuredPruner.Norm norm = StructuredPruner.parseNorm(cl.getOptionValue("norm", "l1"));
        if (norm == null) {
            throw new UsageException("--norm must be l1 or l2, not '" + cl.getOptionValue("norm") + "'");
        }
        TrainingFlags f = TrainingFlags.parse(cl, 2, 1e-3);
        if (!Files.isRegularFile(in)) {
            throw new UsageException("model file not found: " + in);
        }
        TrainedCnn base = CnnGraphReader.read(Models.load(in), "prune");
        LabeledImages train = ImageDatasets.train(dir).limit(f.limit());
        LabeledImages test = ImageDatasets.test(dir).limit(f.limit());
        if (train.rows() != base.height() || train.cols() != base.width()) {
            throw new UsageException("the images in " + dir + " are " + train.rows() + "x" + train.cols()
                    + " but the model expects " + base.height() + "x" + base.width() + " (use the training data)");
        }
        PruneOptions o = new PruneOptions(sparsity, structured, schedule, norm, f.epochs(), f.batch(), f.lr(),
                f.seed());
        CnnTrainer.threads(f.threads());

        CnnTrainer before = new CnnTrainer(new CnnTrainer.Config(base.arch(), 0, f.batch(), f.lr(), f.seed()),
                base.height(), base.width());
        before.load(base);
        double accBefore = before.accuracy(test);
        long t0 = System.nanoTime();
        Pruner.Result r = Pruner.run(base, train, test, o, TrainProgress.stderr());
        double seconds = (System.nanoTime() - t0) / 1e9;
        double accAfter = r.trainer().accuracy(test);

        Graph g = PruningMetadata.attach(CnnGraph.of(r.cnn(), stem(out)), o, base.arch().toString(),
                r.cnn().arch().toString());
        byte[] bytes = TfliteWriter.write(g);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = Files.createTempFile(parent, ".prune", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        SparsityStats st = SparsityStats.of(g);
        if (structured) {
            inv.out().printf(Locale.ROOT, "structured pruning (%s norm): %s -> %s, %,d -> %,d parameters%n",
                    norm.name(), base.arch(), r.cnn().arch(), base.parameters(), r.cnn().parameters());
        } else {
            inv.out().printf(Locale.ROOT, "magnitude pruning, %s schedule to %.1f %% zeros%n", schedule.name()
                    .toLowerCase(Locale.ROOT), 100 * sparsity);
        }
        inv.out().printf(Locale.ROOT, "%-4s %9s %9s %9s  %s%n", "op", "weights", "zeros", "sparsity", "tensor");
        for (SparsityStats.Layer l : st.layers()) {
            inv.out().printf(Locale.ROOT, "%-4d %9d %9d %8.2f%%  #%d %s%n", l.op(), l.elements(), l.zeros(),
                    100 * l.sparsity(), l.tensor(), l.name());
        }
        inv.out().printf(Locale.ROOT, "weights: %,d, zeros: %,d (%.2f %%)%n", st.elements(), st.zeros(),
                100 * st.sparsity());
        inv.out().printf(Locale.ROOT, "fine-tuned %d epoch(s) on %,d images in %.1f s%n", f.epochs(), train.count(),
                seconds);
        inv.out().printf(Locale.ROOT, "test accuracy (ND4J, %,d images): %.4f before, %.4f after (%+.2f pp)%n",
                test.count(), accBefore, accAfter, 100 * (accAfter - accBefore));
        inv.out().printf(Locale.ROOT, "wrote %s (float32, %,d bytes)%n", out, bytes.length);
        return 0;
    }

    private static String stem(Path out) {
        String n = out.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
