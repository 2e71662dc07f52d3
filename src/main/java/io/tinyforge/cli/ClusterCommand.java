package io.tinyforge.cli;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.ClusterResult;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.TensorClusterReport;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.ir.Graph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge cluster MODEL --bits N [--per-channel] [--init linear|kmeans++] [--seed S] --out OUT}: k-means
 * weight clustering; prints the weight bytes before (dense) and after (codebook + packed indices) and the
 * distortion of each layer.
 */
final class ClusterCommand implements Command {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite --bits N --out OUT.tflite";
    }

    @Override
    public String summary() {
        return "k-means weight clustering (2^N shared values per tensor or channel) for codebook weights in C";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("bits").hasArg().argName("N")
                        .desc("index bits, 2..8: at most 2^N distinct weights per tensor (or channel)").build())
                .addOption(Option.builder().longOpt("per-channel")
                        .desc("one codebook per output channel instead of one per tensor").build())
                .addOption(Option.builder().longOpt("init").hasArg().argName("linear|kmeans++")
                        .desc("centroid initialisation (default linear)").build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                        .desc("seed of the k-means++ initialisation (default 0)").build())
                .addOption(Option.builder().longOpt("max-iterations").hasArg().argName("I")
                        .desc("most Lloyd iterations per tensor or channel (default 300)").build())
                .addOption(Option.builder().longOpt("keep-zeros")
                        .desc("pruned models: zeros stay zero, only non-zero weights share 2^N - 1 values").build())
                .addOption(Option.builder().longOpt("out").hasArg().argName("OUT.tflite")
                        .desc("where to write the clustered model").build())
                .addOption(Option.builder().longOpt("fine-tune-epochs").hasArg().argName("N")
                        .desc("fine-tune the centroids (and biases) for N epochs on --data; float32 CNNs from"
                                + " train only (docs/CLUSTERING.md)").build())
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("IDX dataset directory for --fine-tune-epochs").build())
                .addOption(Option.builder().longOpt("lr").hasArg().argName("LR")
                        .desc("Adam learning rate of the fine-tuning (default 0.0002)").build())
                .addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                        .desc("fine-tune on the first N training images (and score N test images)").build());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        Path in = Models.modelPath(cl, name());
        if (!cl.hasOption("bits")) {
            throw new UsageException("cluster needs --bits N (2..8)");
        }
        if (!cl.hasOption("out")) {
            throw new UsageException("cluster needs --out OUT.tflite");
        }
        int bits = intOption(cl, "bits", 0);
        if (bits < ClusterOptions.MIN_BITS || bits > ClusterOptions.MAX_BITS) {
            throw new UsageException("--bits must be in 2..8, not " + bits);
        }
        String initName = cl.getOptionValue("init", "linear");
        Init init = Init.parse(initName);
        if (init == null) {
            throw new UsageException("--init must be linear or kmeans++, not '" + initName + "'");
        }
        long seed;
        try {
            seed = Long.parseLong(cl.getOptionValue("seed", "0"));
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be an integer, not '" + cl.getOptionValue("seed") + "'");
        }
        int maxIter = intOption(cl, "max-iterations", 300);
        if (maxIter < 1) {
            throw new UsageException("--max-iterations must be at least 1");
        }
        Graph g = Models.load(in);
        ClusterFineTuning.check(cl);
        ClusterOptions o = new ClusterOptions(bits, cl.hasOption("per-channel"), init, seed, maxIter);
        if (cl.hasOption("keep-zeros")) {
            return PruneClusterText.run(g, o, Path.of(cl.getOptionValue("out")), in, inv);
        }
        ClusterResult r = io.tinyforge.cluster.WeightClusterer.cluster(g, o);
        if (r.tensors().isEmpty()) {
            throw new UsageException(in + " has no int8 or float32 CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED "
                    + "weights to cluster");
        }
        Path out = Path.of(cl.getOptionValue("out"));
        Graph result = ClusterFineTuning.hasRequest(cl)
                ? ClusterFineTuning.run(cl, r.graph(), o, seed, inv) : r.graph();
        Files.write(out, TfliteWriter.write(result));
        inv.out().print(text(r, o));
        inv.out().println("wrote " + out);
        return 0;
    }

    private static int intOption(CommandLine cl, String opt, int dflt) {
        String v = cl.getOptionValue(opt);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + opt + " must be an integer, not '" + v + "'");
        }
    }

    private static String shortName(String n) {
        return n.length() <= 60 ? n : n.substring(0, 57) + "...";
    }

    static String text(ClusterResult r, ClusterOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "clustering: %d bits (k = %d) %s, init %s, seed %d%n", o.bits(), o.k(),
                o.perChannel() ? "per output channel" : "per tensor", o.init().label(), o.seed()));
        sb.append(String.format(Locale.ROOT, "%-4s %-18s %-7s %9s %6s %9s %9s %6s %10s %9s  %s%n", "op", "type",
                "dtype", "weights", "values", "dense B", "codebk B", "ratio", "mse", "sqnr dB", "tensor"));
        for (TensorClusterReport t : r.tensors()) {
            sb.append(String.format(Locale.ROOT, "%-4d %-18s %-7s %9d %6d %9d %9d %5.2fx %10.4g %9.2f  #%d %s%n",
                    t.op(), t.opType(), t.dtype().label(), t.elements(), t.centroids(), t.denseBytes(),
                    t.codebookBytes(), t.ratio(), t.mse(), t.sqnrDb(), t.tensor(), shortName(t.name())));
        }
        long dense = r.denseBytes();
        long cb = r.codebookBytes();
        sb.append(String.format(Locale.ROOT, "weights: %d bytes dense -> %d bytes codebook + packed indices "
                + "(%.2fx smaller)%n", dense, cb, cb == 0 ? 0.0 : (double) dense / cb));
        return sb.toString();
    }
}
