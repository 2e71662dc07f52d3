package io.tinyforge.cli;

import io.tinyforge.codegen.CNames;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
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
import java.util.Random;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge demo}: the whole flow on the embedded model — summary, generate, host compile, run seeded
 * random vectors through the C and the Java reference, compare byte for byte (exit 1 when they differ).
 */
final class DemoCommand implements Command {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String arguments() {
        return "[--out DIR] [--vectors N]";
    }

    @Override
    public String summary() {
        return "generate, host-compile and verify the embedded model against the Java reference";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("keep the generated C in DIR (default: a temporary directory, deleted)").build())
                .addOption(Option.builder().longOpt("vectors").hasArg().argName("N")
                        .desc("run N seeded random vectors instead of the model's shipped ones").build())
                .addOption(Models.roundingOption());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        if (!cl.getArgList().isEmpty()) {
            throw new UsageException("demo takes no arguments, got " + cl.getArgList());
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
            if (bad < 0) {
                out.println("  result:       equal, byte for byte (" + c.length + " output bytes)");
                return 0;
            }
            out.println("  result:       NOT EQUAL: first difference at output byte " + bad + " (vector "
                    + bad / Math.max(1, g.outputRecordBytes()) + ")");
            return 1;
        } finally {
            Engines.deleteTree(tmp);
        }
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
