package io.tinyforge.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The mini-batch training options of {@code train}, {@code distill}, {@code prune} and {@code qat}: {@code --epochs},
 * {@code --seed}, {@code --batch}, {@code --lr}, {@code --limit} and {@code --threads}, their help lines and their
 * parsed values (one-line usage errors as {@link TrainCommand#intOption} and friends give them).
 */
record TrainingFlags(int epochs, int batch, int limit, int threads, long seed, double lr) {

    /** Adds the six options to {@code o}; the three descriptions name each command's defaults. */
    static Options add(Options o, String epochsDesc, String seedDesc, String lrDesc) {
        return o.addOption(Option.builder().longOpt("epochs").hasArg().argName("N").desc(epochsDesc).build())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("S").desc(seedDesc).build())
                .addOption(Option.builder().longOpt("batch").hasArg().argName("B").desc("mini-batch size (default 64)")
                        .build())
                .addOption(Option.builder().longOpt("lr").hasArg().argName("LR").desc(lrDesc).build())
                .addOption(Option.builder().longOpt("limit").hasArg().argName("N")
                        .desc("use only the first N training and N test images").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("ND4J native threads (default 1: deterministic)").build());
    }

    /** The values on {@code cl}; batch 64, seed 1, all images and 1 thread unless given. */
    static TrainingFlags parse(CommandLine cl, int epochs, double lr) {
        int e = TrainCommand.intOption(cl, "epochs", epochs, 0);
        int batch = TrainCommand.intOption(cl, "batch", 64, 1);
        int limit = TrainCommand.intOption(cl, "limit", Integer.MAX_VALUE, 1);
        int threads = TrainCommand.intOption(cl, "threads", 1, 1);
        long seed = TrainCommand.longOption(cl, "seed", 1);
        return new TrainingFlags(e, batch, limit, threads, seed, TrainCommand.doubleOption(cl, "lr", lr));
    }
}
