package io.tinyforge.cli;

import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.refimpl.PreparedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge run MODEL --engine java|c --input IN.bin --output OUT.bin}: runs every input record (all
 * inputs concatenated, raw bytes) independently and writes the output records.
 */
final class RunCommand implements Command {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite --engine java|c|qemu|renode --input IN.bin --output OUT.bin [--rounding double|single]"
                + " [--board BOARD] [--report R.json]";
    }

    @Override
    public String summary() {
        return "run input records through the Java reference or the generated C (host build)";
    }

    @Override
    public Options options() {
        return FirmwareEngine.addRunOptions(new Options())
                .addOption(Option.builder().longOpt("engine").hasArg().argName("java|c|qemu|renode")
                        .desc("java: reference interpreter; c: generated C compiled with host gcc; qemu/renode: "
                                + "firmware for --board run in that emulator").build())
                .addOption(Option.builder().longOpt("input").hasArg().argName("IN.bin")
                        .desc("input records: N x (all inputs concatenated, raw little-endian bytes)").build())
                .addOption(Option.builder().longOpt("output").hasArg().argName("OUT.bin")
                        .desc("where to write the N output records").build())
                .addOption(Models.roundingOption())
                .addOption(Models.noInPlaceOption())
                .addOption(Models.optimizeOption());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws IOException {
        Path model = Models.modelPath(cl, name());
        String engine = (cl.hasOption("emulator") ? cl.getOptionValue("emulator") : required(cl, "engine"))
                .toLowerCase(Locale.ROOT);
        if (!engine.equals("java") && !engine.equals("c") && !FirmwareEngine.isFirmwareEngine(engine)) {
            throw new UsageException("--engine must be java, c, qemu or renode, not '" + engine + "'");
        }
        Path inPath = Path.of(required(cl, "input"));
        Path outPath = Path.of(required(cl, "output"));
        Graph g = Models.load(model);
        byte[] records;
        try {
            records = Files.readAllBytes(inPath);
        } catch (NoSuchFileException e) {
            throw new ModelException("input file not found: " + inPath);
        } catch (IOException e) {
            throw new ModelException("cannot read input file " + inPath + ": " + e.getMessage());
        }
        long rec = g.inputRecordBytes();
        if (rec == 0 || records.length % rec != 0) {
            throw new UsageException(inPath + " has " + records.length + " bytes, not a multiple of the "
                    + rec + "-byte input record of " + model.getFileName());
        }
        PreparedModel m = Models.prepare(g, Models.rounding(cl));
        Models.optimize(cl);
        GeneratorOptions opt = new GeneratorOptions(Models.name(cl, model), inv.commandLine())
                .withInPlace(!cl.hasOption("no-in-place"));
        byte[] out = switch (engine) {
            case "java" -> Engines.java(m, records);
            case "qemu" -> FirmwareEngine.runQemu(cl, inv, m, opt, records);
            case "renode" -> FirmwareEngine.runRenode(cl, inv, m, opt, records);
            default -> Engines.c(m, opt, records);
        };
        try {
            writeAtomically(outPath, out);
        } catch (IOException e) {
            throw new ModelException("cannot write " + outPath + ": " + e.getMessage());
        }
        inv.out().println("ran " + records.length / rec + " records with the " + engine + " engine; wrote "
                + out.length + " bytes to " + outPath);
        return 0;
    }

    private static String required(CommandLine cl, String opt) {
        String v = cl.getOptionValue(opt);
        if (v == null) {
            throw new UsageException("run needs --" + opt);
        }
        return v;
    }

    static void writeAtomically(Path target, byte[] data) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (!Files.isDirectory(dir)) {
            throw new ModelException("cannot write " + target + ": directory " + dir + " does not exist");
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            Files.write(tmp, data);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
