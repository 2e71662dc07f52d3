package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
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
import io.tinyforge.train.CourseCnnVariants;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trained course CNN and its compressed variants as Cortex-M4F firmware on {@code qemu-mps2-an386}, on the
 * first 100 Fashion-MNIST test images: every output record equals the Java reference byte for byte (int8
 * variants: integer kernels; float variants: tolerance none, 0 ulp, with -ffp-contract=off on the FPv4 FPU).
 * Skipped when /usr/share/datasets/fashion-mnist is absent; fails without QEMU when CI=true.
 */
class CourseCnnVariantsQemuTest {
    private static final int IMAGES = 100;
    private static Map<String, Graph> variants;

    private static synchronized Map<String, Graph> variants() throws Exception {
        if (variants == null) {
            variants = CourseCnnVariants.all();
        }
        return variants;
    }

    @ParameterizedTest
    @ValueSource(strings = {"float32", "int8", "dynamic", "float16", "float32_kmeans4", "int8_kmeans4",
        "int8_kmeans4_per_channel"})
    void variantOnCortexM4EqualsJavaReferenceOn100TestImages(String name) throws Exception {
        HwTools.requireQemu();
        CourseCnnVariants.requireDataset();
        Graph g = variants().get(name);
        PreparedModel m = PreparedModel.prepare(g);
        byte[] in = CourseCnnVariants.testInputs(g, IMAGES);
        Board board = Boards.builtin().get("qemu-mps2-an386");
        Path dir = HwTools.freshDir("course-cnn-" + name);
        GeneratedModel gm = CodeGenerator.generate(m, new GeneratorOptions("cnn", "CourseCnnVariantsQemuTest " + name),
                dir.resolve("gen"));
        TestVectors vectors = TestVectors.of(ModelApi.read(gm.dir()), in, "Fashion-MNIST test images 0-99");
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(900), HwTools.PLUGIN_DIR)
                .run(gm.dir(), vectors, dir.resolve("firmware"), "test");
        int inBytes = (int) g.inputRecordBytes();
        int outBytes = (int) g.outputRecordBytes();
        assertEquals(IMAGES * outBytes, run.outputs().length, name + ": output bytes");
        Interpreter java = new Interpreter(m);
        int elem = g.tensor(g.outputs()[0]).dtype().size();
        for (int i = 0; i < IMAGES; i++) {
            byte[] expected = java.run(Arrays.copyOfRange(in, i * inBytes, (i + 1) * inBytes));
            Bytes.assertSame("course CNN " + name + " on qemu-mps2-an386 test image " + i + " vs Java reference",
                    expected, Arrays.copyOfRange(run.outputs(), i * outBytes, (i + 1) * outBytes), elem);
        }
        System.out.printf("course CNN %s on qemu-mps2-an386: %d test images equal to Java, %.0f instructions/inference%n",
                name, IMAGES, run.meanInstructions());
    }
}
