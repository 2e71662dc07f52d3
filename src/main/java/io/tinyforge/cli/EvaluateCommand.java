package io.tinyforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.Graph;
import io.tinyforge.memory.ArenaPlan;
import io.tinyforge.memory.Planners;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.train.ModelAccuracy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge evaluate MODEL --dataset NAME --data DIR}: accuracy of a float or int8 classifier on the IDX
 * test set with the Java reference interpreter, plus weight bytes, a flash estimate and the planned arena.
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite --dataset NAME --data DIR [--json]";
    }

    @Override
    public String summary() {
        return "accuracy of a model on the MNIST/Fashion-MNIST test set, weight bytes, flash estimate, arena";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("dataset").hasArg().argName("NAME")
                        .desc("dataset: " + String.join(", ", ImageDatasets.NAMES)).build())
                .addOption(Option.builder().longOpt("data").hasArg().argName("DIR")
                        .desc("directory of the IDX files (t10k-images-idx3-ubyte[.gz], ...)").build())
                .addOption(Option.builder().longOpt("json").desc("print JSON instead of text").build())
                .addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                        .desc("use only the first N test images").build())
                .addOption(Models.roundingOption());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        Path p = Models.modelPath(cl, name());
        String dataset = ImageDatasets.checkName(TrainCommand.required(cl, "dataset"));
        Path dir = Path.of(TrainCommand.required(cl, "data"));
        int limit = TrainCommand.intOption(cl, "limit", Integer.MAX_VALUE, 1);
        Graph g = Models.load(p);
        PreparedModel m = Models.prepare(g, Models.rounding(cl));
        LabeledImages test = ImageDatasets.test(dir).limit(limit);
        long t0 = System.nanoTime();
        int[] pred = ModelAccuracy.predict(m, test);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ArenaPlan plan = ArenaPlan.of(m, Planners.defaultPlanner());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", p.toString());
        r.put("dataset", dataset);
        r.put("images", test.count());
        r.put("accuracy", ModelAccuracy.accuracy(pred, test));
        r.put("inputType", g.tensor(g.inputs()[0]).dtype().label());
        r.put("weightBytes", g.constantBytes());
        r.put("generatedWeightBytes", io.tinyforge.cluster.GeneratedWeightBytes.of(g));
        r.put("flashEstimateBytes", flashEstimate(g));
        r.put("arenaBytes", plan.arenaBytes());
        r.put("planner", plan.plan().planner());
        r.put("seconds", Math.round(seconds * 100) / 100.0);
        if (cl.hasOption("json")) {
            inv.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
        } else {
            inv.out().printf(Locale.ROOT, "%s on %s test set (%,d images, %s input): accuracy %.4f (%.1f s)%n",
                    p, dataset, test.count(), r.get("inputType"), (double) r.get("accuracy"), seconds);
            inv.out().printf(Locale.ROOT, "weight bytes as generated C (codebooks + packed indices for clustered"
                    + " filters): %,d%n", (long) r.get("generatedWeightBytes"));
            inv.out().printf(Locale.ROOT, "weight bytes: %,d%nflash estimate: %,d B (weights + 16-byte alignment per"
                    + " constant; code not included)%narena bytes: %,d (planner %s)%n", g.constantBytes(),
                    flashEstimate(g), plan.arenaBytes(), plan.plan().planner());
        }
        return 0;
    }

    /** Constant bytes with each constant rounded up to 16-byte alignment, as the generated constant arrays are. */
    static long flashEstimate(Graph g) {
        long n = 0;
        for (io.tinyforge.ir.Tensor t : g.tensors()) {
            if (t.isConstant()) {
                n += (t.bytes() + 15) / 16 * 16;
            }
        }
        return n;
    }
}
