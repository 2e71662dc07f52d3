package io.tinyforge.cli;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.CNames;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.firmware.Toolchain;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.memory.ArenaPlan;
import io.tinyforge.memory.Planners;
import io.tinyforge.refimpl.PreparedModel;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge demo}: with Fashion-MNIST (Debian's {@code /usr/share/datasets/fashion-mnist} or
 * {@code --data DIR}) the TinyML course in one command ({@link CourseDemo}); without it, or with
 * {@code --embedded}, the whole flow on the embedded model — summary, generate, host compile, run the
 * vectors through the C and the Java reference, then (when the Arm toolchain and QEMU are installed) as
 * Cortex-M4 firmware in QEMU; compare byte for byte (exit 1 when they differ).
 */
final class DemoCommand implements Command {

    /** The reference emulated target (Cortex-M4F). */
    static final String EMULATED_BOARD = "qemu-mps2-an386";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String arguments() {
        return "[--data DIR] [--quick] [--out DIR] | --embedded [--out DIR] [--vectors N]";
    }

    @Override
    public String summary() {
        return "the TinyML course on Fashion-MNIST in one command (train, compress, C, host, QEMU, report);"
                + " the embedded model without the dataset";
    }

    @Override
    public Options options() {
        return CourseDemo.addOptions(new Options()
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("course: where the models, C and report.json/report.html go (default out); embedded: "
                                + "keep the generated C in DIR (default: a temporary directory, deleted)").build())
                .addOption(Option.builder().longOpt("vectors").hasArg().argName("N")
                        .desc("embedded model: run N seeded random vectors instead of its shipped ones (implies "
                                + "--embedded)").build())
                .addOption(Models.roundingOption()));
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        if (!cl.getArgList().isEmpty()) {
            throw new UsageException("demo takes no arguments, got " + cl.getArgList());
        }
        if (CourseDemo.wanted(cl, inv)) {
            return CourseDemo.run(cl, inv);
        }
        int vectors = vectors(cl);
        boolean random = cl.hasOption("vectors");
        PrintStream out = inv.out();
        DemoModel.Loaded loaded = DemoModel.load();
        Graph g = loaded.graph();
        PreparedModel m = Models.prepare(g, Models.rounding(cl));
        ArenaPlan plan = ArenaPlan.of(m, Planners.defaultPlanner());
        out.println("tinyforge demo: " + g.name() + " (" + loaded.source() + ")");
        TreeMap<String, Integer> types = new TreeMap<>();
        for (Operator op : g.operators()) {
            types.merge(op.type().name(), 1, Integer::sum);
        }
        out.println("  operators:    " + g.operators().size() + " " + types);
        out.println("  weight bytes: " + g.constantBytes());
        out.println("  arena bytes:  " + plan.arenaBytes() + " (planner " + Planners.defaultPlanner().name()
                + ", lower bound " + plan.lowerBound() + ")");
        Path tmp = Files.createTempDirectory("tinyforge-demo");
        try {
            Path dir = cl.hasOption("out") ? Path.of(cl.getOptionValue("out")) : tmp.resolve("model");
            GeneratorOptions opt = new GeneratorOptions(CNames.fromFileName(g.name()), inv.commandLine());
            GeneratedModel gm = CodeGenerator.generate(m, opt, dir);
            out.println("  generate:     " + gm.files().size() + " files -> " + (cl.hasOption("out") ? dir
                    : "(temporary directory)"));
            HostProgram prog = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve("build"));
            out.println("  host compile: gcc " + String.join(" ", HostBuild.FLAGS) + ": ok");
            byte[] inputs;
            String what;
            if (loaded.inputs() != null && !random) {
                inputs = loaded.inputs();
                vectors = (int) (inputs.length / g.inputRecordBytes());
                what = "shipped input vectors";
            } else {
                inputs = new byte[(int) (g.inputRecordBytes() * vectors)];
                new Random(20261128L).nextBytes(inputs);
                what = "seeded random vectors";
            }
            byte[] c = prog.run(inputs);
            byte[] java = Engines.java(m, inputs);
            out.println("  run:          " + vectors + " " + what + " through the host C and the Java reference");
            int bad = firstDifference(java, c);
            if (bad >= 0) {
                out.println("  result:       NOT EQUAL: first difference at output byte " + bad + " (vector "
                        + bad / Math.max(1, g.outputRecordBytes()) + ")");
                return 1;
            }
            out.println("  result:       equal, byte for byte (" + c.length + " output bytes)");
            return runOnEmulator(m, gm, inputs, java, tmp, inv);
        } finally {
            Engines.deleteTree(tmp);
        }
    }

    /**
     * When arm-none-eabi-gcc and qemu-system-arm are installed, builds the generated model as Cortex-M4 firmware
     * for {@link #EMULATED_BOARD}, runs the same vectors in QEMU and compares with the Java reference.
     */
    private static int runOnEmulator(PreparedModel m, GeneratedModel gm, byte[] inputs, byte[] java, Path tmp,
            Invocation inv) {
        PrintStream out = inv.out();
        if (!Toolchain.canBuildFirmware() || !Toolchain.has("qemu-system-arm")) {
            out.println("  emulator:     skipped (install gcc-arm-none-eabi, libnewlib-arm-none-eabi and "
                    + "qemu-system-arm to also run on " + EMULATED_BOARD + ")");
            return 0;
        }
        Board board = Boards.builtin().get(EMULATED_BOARD);
        ModelApi api = ModelApi.read(gm.dir());
        TestVectors vectors = TestVectors.of(api, inputs, "demo vectors");
        Path pluginDir = Path.of(System.getProperty("user.home"), ".cache", "tinyforge", "qemu-plugin");
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(120), pluginDir)
                .run(gm.dir(), vectors, tmp.resolve("firmware"), inv.commandLine());
        out.printf(Locale.ROOT, "  firmware:     %s (%s): flash %,d B, RAM %,d B (arena %,d B), %,d instructions per"
                + " inference%n", board.name(), board.core(), run.image().usage().flashBytes(),
                run.image().usage().ramBytes(), run.image().usage().arenaBytes(), Math.round(run.meanInstructions()));
        int bad = firstDifference(java, run.outputs());
        if (bad >= 0) {
            out.println("  emulator:     NOT EQUAL: first difference at output byte " + bad + " (vector "
                    + bad / Math.max(1, m.graph().outputRecordBytes()) + ")");
            return 1;
        }
        out.println("  emulator:     equal to the Java reference, byte for byte");
        return 0;
    }

    private static int vectors(CommandLine cl) {
        String v = cl.getOptionValue("vectors", "10");
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 100000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--vectors must be a number from 1 to 100000, not '" + v + "'");
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }
}
