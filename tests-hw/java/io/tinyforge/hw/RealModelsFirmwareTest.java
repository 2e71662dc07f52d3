package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.firmware.FirmwareBuild;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.FirmwareTooLargeException;
import io.tinyforge.firmware.MacCount;
import io.tinyforge.firmware.MemoryUsage;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared models as firmware: on the reference target (qemu-mps2-an386, Cortex-M4F) all 10 golden
 * vectors byte for byte, with memory and instruction figures written to
 * {@code target/hw-tests/firmware-benchmarks.md}; on M0, M3, M7 and M33 the first 2 vectors,
 * or a one-line refusal when the model does not fit the board.
 */
class RealModelsFirmwareTest {

    private static final Path BENCHMARKS = Path.of("target", "hw-tests", "firmware-benchmarks.md");
    private static final Path MATRIX = Path.of("target", "hw-tests", "firmware-matrix.md");
    /** M0, M3, M7, M33 (the UART board qemu-netduinoplus2 is covered by the stub tests, to keep this short). */
    private static final List<String> OTHER_BOARDS = List.of("qemu-microbit", "qemu-lm3s6965evb", "qemu-mps2-an500",
            "qemu-mps2-an505");

    private static final Map<String, GeneratedModel> GENERATED = new HashMap<>();

    static Stream<String> models() {
        return SharedModels.int8Models();
    }

    static Stream<Arguments> modelsOnOtherBoards() {
        return SharedModels.int8Models().flatMap(m -> OTHER_BOARDS.stream().map(b -> Arguments.of(m, b)));
    }

    @ParameterizedTest
    @MethodSource("models")
    void goldensReproducedOnTheReferenceTarget(String model) throws IOException {
        HwTools.requireQemu();
        Golden golden = SharedModels.golden(model);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        Path dir = HwTools.freshDir("real-" + model + "-" + board.name());
        GeneratedModel gm = generated(model);
        ModelApi api = ModelApi.read(gm.dir());
        assertEquals(golden.inputBytes(), api.inputRecordBytes(), "input record size");
        TestVectors vectors = TestVectors.of(api, golden.inputs(), "TFLM golden inputs of " + model);
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(300), HwTools.PLUGIN_DIR)
                .run(gm.dir(), vectors, dir.resolve("firmware"), "test");
        Graph g = GeneratedModels.graph(model);
        int elem = g.output(0).dtype().size();
        for (int v = 0; v < golden.count(); v++) {
            Bytes.assertSame(model + " on " + board.name() + " vector " + v, golden.output(v),
                    Arrays.copyOfRange(run.outputs(), v * golden.outputBytes(), (v + 1) * golden.outputBytes()), elem);
        }
        assertEquals(golden.count(), run.instructions().size());
        recordBenchmark(model, g, run);
    }

    @ParameterizedTest
    @MethodSource("modelsOnOtherBoards")
    void sameOutputsOnOtherCoresOrRefusedWithTheNumbers(String model, String boardName) throws IOException {
        HwTools.requireQemu();
        Golden golden = SharedModels.golden(model);
        Board board = Boards.builtin().get(boardName);
        Path dir = HwTools.freshDir("real-" + model + "-" + board.name());
        GeneratedModel gm = generated(model);
        ModelApi api = ModelApi.read(gm.dir());
        int n = 2;
        byte[] inputs = Arrays.copyOf(golden.inputs(), n * golden.inputBytes());
        String outcome;
        try {
            Graph g = GeneratedModels.graph(model);
            FirmwareBuild.refuseIfSurelyTooLarge(model, board, g.constantBytes(), api.arenaBytes());
            FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(300), HwTools.PLUGIN_DIR)
                    .run(gm.dir(), TestVectors.of(api, inputs, "first golden inputs"), dir.resolve("firmware"), "test");
            Bytes.assertSame(model + " on " + boardName, Arrays.copyOf(golden.outputs(), n * golden.outputBytes()),
                    run.outputs(), g.output(0).dtype().size());
            MemoryUsage u = run.image().usage();
            assertTrue(run.stackUsed() < board.stackBytes(), "stack high-water mark " + run.stackUsed()
                    + " within the " + board.stackBytes() + " B reserve");
            outcome = String.format(Locale.ROOT,
                    "runs, same outputs (flash %,d B, RAM %,d B, stack used %,d B, %,d instructions/inference)",
                    u.flashBytes(), u.ramBytes(), run.stackUsed(), Math.round(run.meanInstructions()));
        } catch (FirmwareTooLargeException e) {
            String m = e.getMessage();
            assertTrue(m.startsWith("model ") && m.contains("does not fit board " + boardName) && !m.contains("\n"), m);
            assertTrue(m.contains(String.format(Locale.ROOT, "%,d B", board.flash().size()))
                    || m.contains(String.format(Locale.ROOT, "%,d B", board.ram().size())), "names the board's size: " + m);
            outcome = "refused: " + m;
        }
        append(MATRIX, "| " + model + " | " + boardName + " | " + outcome + " |");
    }

    /** Each model is generated once per test run and shared by the boards. */
    private static synchronized GeneratedModel generated(String model) {
        GeneratedModel gm = GENERATED.get(model);
        if (gm == null) {
            gm = GeneratedModels.generate(model, HwTools.freshDir("gen-" + model));
            GENERATED.put(model, gm);
        }
        return gm;
    }

    private static void recordBenchmark(String model, Graph g, FirmwareRun run) throws IOException {
        MemoryUsage u = run.image().usage();
        PreparedModel prepared = PreparedModel.prepare(g);
        long macs = MacCount.of(prepared);
        double mean = run.meanInstructions();
        String perMac = macs == 0 || !MacCount.complete(prepared) ? "-" : String.format(Locale.ROOT, "%.2f", mean / macs);
        append(BENCHMARKS, String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %s |", model,
                u.flashBytes(), u.ramBytes(), u.arenaBytes(), run.stackUsed(), Math.round(mean), macs, perMac));
    }

    private static synchronized void append(Path file, String line) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
