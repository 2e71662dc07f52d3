package io.tinyforge.cli;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.ir.Graph;
import io.tinyforge.prune.ZeroKeepingClusterer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** {@code tinyforge cluster --keep-zeros}: zero-keeping clustering of a pruned model, its table and its file. */
final class PruneClusterText {

    private PruneClusterText() {
    }

    static int run(Graph g, ClusterOptions o, Path out, Path in, Command.Invocation inv) throws Exception {
        ZeroKeepingClusterer.Result r = ZeroKeepingClusterer.cluster(g, o);
        if (r.tensors().isEmpty()) {
            throw new UsageException(in + " has no int8 or float32 CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED "
                    + "weights to cluster");
        }
        Files.write(out, TfliteWriter.write(r.graph()));
        inv.out().printf(Locale.ROOT, "clustering keeping zeros: %d bits (zero + %d shared values) %s, init %s%n",
                o.bits(), o.k() - 1, o.perChannel() ? "per output channel" : "per tensor", o.init().label());
        inv.out().printf(Locale.ROOT, "%-8s %9s %12s %11s %8s  %s%n", "tensor", "weights", "zeros before",
                "zeros after", "values", "name");
        for (ZeroKeepingClusterer.Report t : r.tensors()) {
            inv.out().printf(Locale.ROOT, "#%-7d %9d %12d %11d %8d  %s%n", t.tensor(), t.elements(), t.zerosBefore(),
                    t.zerosAfter(), t.distinct(), t.name());
        }
        inv.out().println("wrote " + out);
        return 0;
    }
}
