package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the course CNN briefly (2,000 images, 1 epoch) and checks accuracy, determinism and the export. */
class CnnTrainerTest {

    /** Fashion-MNIST's first 3,000 training images when installed, else a generated separable set. */
    private static LabeledImages data() {
        if (ImageDatasets.present(ImageDatasets.DEBIAN_FASHION_MNIST)) {
            return ImageDatasets.train(ImageDatasets.DEBIAN_FASHION_MNIST).limit(3000);
        }
        System.out.println("CnnTrainerTest: " + ImageDatasets.DEBIAN_FASHION_MNIST
                + " absent (apt install dataset-fashion-mnist); using a generated dataset");
        return SyntheticImages.make(3000, 42);
    }

    private static CnnTrainer trained(LabeledImages train, long seed, PrintStream progress) {
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse(ArchSpec.COURSE), 1, 32, 2e-3, seed),
                28, 28);
        t.train(train, null, new TrainProgress(progress, false));
        return t;
    }

    @Test
    void oneEpochOn2000ImagesIsWellAboveChance() {
        LabeledImages all = data();
        LabeledImages train = all.slice(0, 2000);
        LabeledImages heldOut = all.slice(2000, 3000);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CnnTrainer a = trained(train, 7, new PrintStream(log, true, StandardCharsets.UTF_8));
        double acc = a.accuracy(heldOut);
        assertTrue(acc > 0.60, "held-out accuracy " + acc + " after one epoch on 2,000 images");
        String progress = log.toString(StandardCharsets.UTF_8);
        assertTrue(progress.matches("epoch 1/1 loss \\d+\\.\\d{4} acc \\d\\.\\d{4} \\d+\\.\\d s\n"), progress);
    }

    @Test
    void sameSeedGivesTheSameBytesAnotherSeedOtherWeights() {
        LabeledImages train = data().slice(0, 128);
        byte[] first = CnnGraph.tflite(trained(train, 7, null).result(), "cnn");
        byte[] second = CnnGraph.tflite(trained(train, 7, null).result(), "cnn");
        assertArrayEquals(first, second, "same seed, same data: same .tflite bytes");
        CnnTrainer.Config untrained = new CnnTrainer.Config(ArchSpec.parse(ArchSpec.COURSE), 0, 32, 2e-3, 7);
        byte[] init7 = CnnGraph.tflite(new CnnTrainer(untrained, 28, 28).result(), "cnn");
        byte[] init8 = CnnGraph.tflite(new CnnTrainer(new CnnTrainer.Config(untrained.arch(), 0, 32, 2e-3, 8), 28, 28)
                .result(), "cnn");
        assertTrue(!java.util.Arrays.equals(init7, init8), "another seed gives other initial weights");
        assertTrue(!java.util.Arrays.equals(init7, first), "training changed the weights");
    }

    @Test
    void terminalProgressRedrawsOneLine() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse("c2-p-d10"), 1, 64, 1e-3, 3), 28, 28);
        t.train(SyntheticImages.make(128, 5), null,
                new TrainProgress(new PrintStream(log, true, StandardCharsets.UTF_8), true));
        String s = log.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\repoch 1/1 ["), s);
        assertTrue(s.contains("2/2 loss "), s);
        assertTrue(s.endsWith("\u001b[K\n") && s.indexOf('\n') == s.length() - 1, "one final newline: " + s);
    }

    @Test
    void exportedModelImportsWithTheCourseOperatorsAndLayouts(@TempDir Path dir) throws Exception {
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse(ArchSpec.COURSE), 0, 32, 1e-3, 1),
                28, 28);
        TrainedCnn cnn = t.result();
        Path p = dir.resolve("cnn.tflite");
        Files.write(p, CnnGraph.tflite(cnn, "cnn"));
        Graph g = TfliteImporter.load(p);
        assertEquals(List.of(OpType.CONV_2D, OpType.MAX_POOL_2D, OpType.CONV_2D, OpType.MAX_POOL_2D,
                OpType.RESHAPE, OpType.FULLY_CONNECTED, OpType.SOFTMAX),
                g.operators().stream().map(o -> o.type()).toList());
        assertArrayEquals(new int[] {1, 28, 28, 1}, g.tensor(g.inputs()[0]).shape().dims());
        assertEquals(DType.FLOAT32, g.tensor(g.inputs()[0]).dtype());
        assertArrayEquals(new int[] {8, 3, 3, 1}, g.tensor(g.operators().get(0).input(1)).shape().dims());
        assertArrayEquals(new int[] {16, 3, 3, 8}, g.tensor(g.operators().get(2).input(1)).shape().dims());
        assertArrayEquals(new int[] {10, 784}, g.tensor(g.operators().get(5).input(1)).shape().dims());
        assertEquals(8 * 9 + 8 + 16 * 72 + 16 + 7840 + 10, cnn.parameters());
        assertNotNull(g.sha256());
    }
}
