package io.tinyforge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.emulator.EmulatorResult;
import io.tinyforge.emulator.RenodeRunner;
import io.tinyforge.firmware.FirmwareBuild;
import io.tinyforge.firmware.FirmwareProject;
import io.tinyforge.firmware.FirmwareReport;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.MacCount;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.ir.ModelException;
import io.tinyforge.memory.ArenaPlan;
import io.tinyforge.refimpl.PreparedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The firmware side of the CLI: {@code generate --board} (a buildable firmware project) and the {@code qemu}
 * / {@code renode} engines of {@code run} (generate, build with arm-none-eabi-gcc, run in the emulator).
 */
final class FirmwareEngine {

    /** Vectors embedded by {@code generate --board} when no {@code --input} is given. */
    private static final int DEFAULT_VECTORS = 3;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(600);

    private FirmwareEngine() {
    }

    static Option boardOption() {
        return Option.builder().longOpt("board").hasArg().argName("BOARD")
                .desc("target board (see tinyforge boards)").build();
    }

    /** Options {@code generate} adds: --board and the vectors to embed. */
    static Options addGenerateOptions(Options o) {
        return o.addOption(boardOption())
                .addOption(Option.builder().longOpt("input").hasArg().argName("IN.bin")
                        .desc("with --board: input records embedded in the test firmware (default: "
                                + DEFAULT_VECTORS + " pseudo-random records)").build());
    }

    /** Options {@code run} adds for the qemu/renode engines. */
    static Options addRunOptions(Options o) {
        return o.addOption(boardOption())
                .addOption(Option.builder().longOpt("report").hasArg().argName("R.json")
                        .desc("qemu engine: write flash/RAM/arena bytes, instructions per inference, commands").build())
                .addOption(Option.builder().longOpt("emulator").hasArg().argName("qemu|renode")
                        .desc("with --board: the emulator (same as --engine qemu|renode)").build());
    }

    static boolean isFirmwareEngine(String engine) {
        return engine.equals("qemu") || engine.equals("renode");
    }

    static Board board(CommandLine cl, String command) {
        String name = cl.getOptionValue("board");
        if (name == null) {
            throw new UsageException(command + " needs --board BOARD for this (see tinyforge boards)");
        }
        return Boards.builtin().get(name);
    }

    /** Refuses, before anything is written, a model whose constants or arena cannot fit the board. */
    static void refuseIfSurelyTooLarge(CommandLine cl, PreparedModel m, GeneratorOptions opt) {
        Board board = board(cl, "generate");
        FirmwareBuild.refuseIfSurelyTooLarge(opt.name(), board, m.graph().constantBytes(),
                ArenaPlan.of(m, opt.planner(), opt.inPlace()).arenaBytes());
    }

    /**
     * {@code generate --board}: checks the model can fit, then adds the firmware files next to the generated
     * model in {@code gm.dir()}; returns the line to print.
     */
    static String generateProject(CommandLine cl, Command.Invocation inv, PreparedModel m, GeneratedModel gm) {
        Board board = board(cl, "generate");
        FirmwareBuild.refuseIfSurelyTooLarge(gm.name(), board, m.graph().constantBytes(), gm.plan().arenaBytes());
        ModelApi api = ModelApi.read(gm.dir());
        byte[] records;
        String source;
        if (cl.hasOption("input")) {
            records = readInput(Path.of(cl.getOptionValue("input")));
            source = "input records from " + cl.getOptionValue("input");
        } else {
            records = pseudoRandom((int) api.inputRecordBytes() * DEFAULT_VECTORS);
            source = DEFAULT_VECTORS + " pseudo-random input records (splitmix64, seed 1)";
        }
        TestVectors vectors = TestVectors.of(api, records, source);
        List<String> expected = new ArrayList<>();
        if (board.emulatedByRenode()) {
            byte[] ref = Engines.java(m, records);
            int ob = (int) api.outputRecordBytes();
            for (int v = 0; v < vectors.count(); v++) {
                expected.add("OUT " + HexFormat.of().formatHex(ref, v * ob, (v + 1) * ob));
            }
        }
        new FirmwareProject(board, api, vectors, expected, inv.commandLine()).write(gm.dir(), gm.dir());
        return "firmware project for " + board.name() + " (" + board.core() + "): make -C " + gm.dir()
                + (board.emulatedByQemu() ? " run" : "") + "; embeds " + vectors.count() + " vectors";
    }

    /**
     * The qemu engine: generate into a temporary project, build, run, return the output records; writes the
     * report when asked.
     */
    static byte[] runQemu(CommandLine cl, Command.Invocation inv, PreparedModel m, GeneratorOptions opt,
            byte[] records) {
        Board board = board(cl, "run --engine qemu");
        if (!board.emulatedByQemu()) {
            throw new ModelException("board " + board.name() + " has no QEMU machine; QEMU boards: "
                    + String.join(", ", Boards.builtin().all().stream().filter(Board::emulatedByQemu)
                            .map(Board::name).toList()));
        }
        Path tmp = tempDir();
        try {
            GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("model"));
            FirmwareBuild.refuseIfSurelyTooLarge(gm.name(), board, m.graph().constantBytes(), gm.plan().arenaBytes());
            ModelApi api = ModelApi.read(gm.dir());
            TestVectors vectors = TestVectors.of(api, records, "run --input");
            Path pluginDir = Path.of(System.getProperty("user.home"), ".cache", "tinyforge", "qemu-plugin");
            FirmwareRun run = new FirmwareRunner(board, RUN_TIMEOUT, pluginDir)
                    .run(gm.dir(), vectors, tmp.resolve("firmware"), inv.commandLine());
            if (cl.hasOption("report")) {
                ObjectNode r = FirmwareReport.toJson(gm.name(), board, run, MacCount.complete(m) ? MacCount.of(m) : 0);
                r.put("tinyforge_command", inv.commandLine());
                FirmwareReport.write(Path.of(cl.getOptionValue("report")), r);
            }
            inv.out().printf(Locale.ROOT, "%s on %s: flash %,d B, RAM %,d B (arena %,d B, stack %,d B), %,d instructions"
                    + " per inference%n", gm.name(), board.name(), run.image().usage().flashBytes(),
                    run.image().usage().ramBytes(), run.image().usage().arenaBytes(), run.image().usage().stack(),
                    Math.round(run.meanInstructions()));
            return run.outputs();
        } finally {
            Engines.deleteTree(tmp);
        }
    }

    /**
     * The renode engine: builds the project and runs its Robot test, which checks the firmware prints the Java
     * reference's outputs; returns those outputs when it passes.
     */
    static byte[] runRenode(CommandLine cl, Command.Invocation inv, PreparedModel m, GeneratorOptions opt,
            byte[] records) {
        Board board = board(cl, "run --engine renode");
        if (!board.emulatedByRenode()) {
            throw new ModelException("board " + board.name() + " has no Renode platform");
        }
        if (!RenodeRunner.available()) {
            throw new ModelException(RenodeRunner.NOT_INSTALLED);
        }
        Path tmp = tempDir();
        try {
            GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("firmware"));
            ModelApi api = ModelApi.read(gm.dir());
            byte[] ref = Engines.java(m, records);
            TestVectors vectors = TestVectors.of(api, records, "run --input");
            List<String> expected = new ArrayList<>();
            int ob = (int) api.outputRecordBytes();
            for (int v = 0; v < vectors.count(); v++) {
                expected.add("OUT " + HexFormat.of().formatHex(ref, v * ob, (v + 1) * ob));
            }
            new FirmwareProject(board, api, vectors, expected, inv.commandLine()).write(gm.dir(), gm.dir());
            FirmwareBuild.build(gm.dir(), board, api);
            EmulatorResult r = new RenodeRunner(RUN_TIMEOUT).run(gm.dir().resolve(api.name() + ".robot"));
            if (!r.ok()) {
                throw new IllegalStateException("Renode test failed: " + r.describe());
            }
            return ref;
        } finally {
            Engines.deleteTree(tmp);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("tinyforge-fw");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readInput(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new ModelException("input file not found: " + p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** splitmix64 (seed 1), one draw per byte, low 8 bits. */
    static byte[] pseudoRandom(int n) {
        byte[] b = new byte[n];
        long state = 1;
        for (int i = 0; i < n; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            b[i] = (byte) (z ^ (z >>> 31));
        }
        return b;
    }
}
