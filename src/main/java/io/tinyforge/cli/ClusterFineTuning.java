package io.tinyforge.cli;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.Graph;
import io.tinyforge.train.ClusterFineTuner;
import io.tinyforge.train.CnnTrainer;
import io.tinyforge.train.TrainProgress;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;

/** The {@code cluster --fine-tune-epochs N --data DIR} step: fine-tunes the centroids of the clustered graph. */
final class ClusterFineTuning {

    private ClusterFineTuning() {
    }

    static boolean hasRequest(CommandLine cl) {
        return cl.hasOption("fine-tune-epochs");
    }

    /** Rejects fine-tuning options without --fine-tune-epochs, and --fine-tune-epochs without --data. */
    static void check(CommandLine cl) {
        if (!hasRequest(cl)) {
            for (String o : new String[] {"data", "lr", "limit"}) {
                if (cl.hasOption(o)) {
                    throw new UsageException("--" + o + " applies to --fine-tune-epochs N only");
                }
            }
            return;
        }
        TrainCommand.intOption(cl, "fine-tune-epochs", 1, 0);
        if (!cl.hasOption("data")) {
            throw new UsageException("--fine-tune-epochs needs --data DIR (the IDX training set)");
        }
    }

    static Graph run(CommandLine cl, Graph clustered, ClusterOptions o, long seed, Command.Invocation inv) {
        int epochs = TrainCommand.intOption(cl, "fine-tune-epochs", 1, 0);
        int limit = TrainCommand.intOption(cl, "limit", Integer.MAX_VALUE, 1);
        double lr = TrainCommand.doubleOption(cl, "lr", 2e-4);
        Path dir = Path.of(TrainCommand.required(cl, "data"));
        CnnTrainer.threads(1);
        ClusterFineTuner ft = new ClusterFineTuner(clustered, o.perChannel(),
                new ClusterFineTuner.Config(epochs, 64, lr, seed));
        LabeledImages train = ImageDatasets.train(dir).limit(limit);
        LabeledImages test = ImageDatasets.test(dir).limit(limit);
        double before = ft.accuracy(test);
        ft.train(train, null, TrainProgress.stderr());
        double after = ft.accuracy(test);
        inv.out().printf(Locale.ROOT, "fine-tuned the centroids for %d epoch(s) on %,d images (lr %s): test accuracy"
                + " (ND4J, %,d images) %.4f -> %.4f%n", epochs, train.count(), lr, test.count(), before, after);
        return ft.result();
    }
}
