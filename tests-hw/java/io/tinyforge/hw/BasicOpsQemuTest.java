package io.tinyforge.hw;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The basic operators' generated C on an emulated Cortex-M4F (QEMU mps2-an386): the simple-add model against
 * TFLM's goldens, and each one-op fixture against the Java reference, byte for byte.
 */
class BasicOpsQemuTest {

    private static final String BOARD = "qemu-mps2-an386";

    private static byte[] onQemu(PreparedModel m, String name, byte[] records) {
        HwTools.requireQemu();
        Board board = Boards.builtin().get(BOARD);
        Path gen = HwTools.freshDir(name + "-gen");
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions(name, "test " + name), gen);
        ModelApi api = ModelApi.read(gm.dir());
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(120), HwTools.PLUGIN_DIR)
                .run(gm.dir(), TestVectors.of(api, records, "test"), HwTools.freshDir(name + "-fw"), "test");
        return run.outputs();
    }

    private static byte[] java(PreparedModel m, byte[] records) {
        Interpreter it = new Interpreter(m);
        int in = (int) m.graph().inputRecordBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += in) {
            out.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
        }
        return out.toByteArray();
    }

    @Test
    void simpleAddOnCortexM4EqualsTflmGoldens() {
        SharedModels.require();
        Graph g = TfliteImporter.load(SharedModels.model("tflm_simple_add_int8"));
        Golden gold = SharedModels.golden("tflm_simple_add_int8");
        byte[] out = onQemu(PreparedModel.prepare(g), "simple_add", gold.inputs());
        Bytes.assertSame("tflm_simple_add_int8 on " + BOARD + " vs TFLM goldens", gold.outputs(), out, 1);
    }

    @ParameterizedTest
    @EnumSource(value = OpType.class, names = {"ADD", "AVERAGE_POOL_2D", "CONCATENATION", "DEQUANTIZE",
        "MAX_POOL_2D", "MEAN", "MUL", "PAD", "QUANTIZE", "RELU", "RELU6"})
    void oneOpFixtureOnCortexM4EqualsJava(OpType type) {
        Graph g = FixtureModels.forOp(type);
        PreparedModel m = PreparedModel.prepare(g);
        byte[] records = FixtureGraphs.randomRecords(g, 4, 99 + type.ordinal());
        String name = "basic_" + type.name().toLowerCase(Locale.ROOT);
        Bytes.assertSame(g.name() + " on " + BOARD + " vs Java", java(m, records), onQemu(m, name, records), 1);
    }
}
