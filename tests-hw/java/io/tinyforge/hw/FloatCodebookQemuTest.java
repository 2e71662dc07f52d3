package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.FloatCodebookFixture;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FloatRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float codebook kernels ({@code _cb_f32}: conv, depthwise, fully connected) as Cortex-M4F firmware on
 * {@code qemu-mps2-an386}, built with -ffp-contract=off: outputs equal the Java reference byte for byte.
 */
class FloatCodebookQemuTest {
    private static final int VECTORS = 3;

    @ParameterizedTest
    @CsvSource({"4, false", "2, true"})
    void floatCodebookFirmwareEqualsJavaReference(int bits, boolean perChannel) throws Exception {
        HwTools.requireQemu();
        Graph g = WeightClusterer.cluster(FloatCodebookFixture.convDepthwiseFc(),
                new ClusterOptions(bits, perChannel, Init.LINEAR, 0, 100)).graph();
        PreparedModel m = PreparedModel.prepare(g);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        Path dir = HwTools.freshDir("float-cb-" + bits + "-" + perChannel);
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions("m", "FloatCodebookQemuTest"),
                dir.resolve("gen"));
        String c = Files.readString(gm.dir().resolve("model.c"));
        assertTrue(c.contains("tfg_conv2d_cb_f32(") && c.contains("tfg_depthwise_conv2d_cb_f32(")
                && c.contains("tfg_fully_connected_cb_f32("), "float codebook kernels expected");
        int floats = (int) (g.inputRecordBytes() / 4);
        byte[] inputs = FloatRecords.uniform(bits * 17L + (perChannel ? 1 : 0), VECTORS, floats, -1.5, 1.5);
        TestVectors vectors = TestVectors.of(ModelApi.read(gm.dir()), inputs, "seeded random floats");
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(300), HwTools.PLUGIN_DIR)
                .run(gm.dir(), vectors, dir.resolve("firmware"), "test");
        Interpreter java = new Interpreter(m);
        int n = (int) g.outputRecordBytes();
        for (int v = 0; v < VECTORS; v++) {
            byte[] expected = java.run(Arrays.copyOfRange(inputs, v * floats * 4, (v + 1) * floats * 4));
            Bytes.assertSame(bits + " bits per-channel " + perChannel + " on qemu-mps2-an386 vector " + v
                    + " vs Java reference", expected, Arrays.copyOfRange(run.outputs(), v * n, (v + 1) * n), 4);
        }
    }
}
