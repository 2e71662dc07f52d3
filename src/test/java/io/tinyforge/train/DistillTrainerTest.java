package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Distillation on tiny generated sets (128 images, one epoch): α = 0 is exactly hard-label training, the teacher
 * read back from its .tflite computes what the Java float reference computes, a distilled student with a feature
 * layer exports to a .tflite that imports and runs, and bad feature layers are one-line errors.
 */
class DistillTrainerTest {

    private static final LabeledImages DATA = SyntheticImages.make(160, 11);

    /** A briefly trained c4-p-c8-p-d10 teacher, read back from its .tflite bytes. */
    private static TrainedCnn teacher() {
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse("c4-p-c8-p-d10"), 1, 32, 2e-3, 3), 28, 28);
        t.train(DATA.slice(0, 128), null, TrainProgress.silent());
        return CnnGraphReader.read(TfliteImporter.parse(CnnGraph.tflite(t.result(), "teacher"), "teacher", "test"), "test");
    }

    private static DistillTrainer.Config config(String student, double alpha, String feature) {
        return new DistillTrainer.Config(ArchSpec.parse(student), 1, 32, 2e-3, 5, 4, alpha, feature, 1);
    }

    @Test
    void alphaZeroWithoutFeatureLayerIsHardLabelTraining() {
        TrainedCnn teacher = teacher();
        LabeledImages train = DATA.slice(0, 128);
        CnnTrainer plain = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse("c2-p-d10"), 1, 32, 2e-3, 5), 28, 28);
        plain.train(train, null, TrainProgress.silent());
        DistillTrainer kd0 = new DistillTrainer(config("c2-p-d10", 0, null), teacher);
        assertEquals(java.util.List.of("loss"), kd0.graph().getLossVariables(),
                "only the combined loss is minimised (the hard-label term is not a second loss)");
        kd0.train(train, null, TrainProgress.silent());
        assertArrayEquals(CnnGraph.tflite(plain.result(), "s"), CnnGraph.tflite(kd0.result(), "s"),
                "alpha 0: same .tflite bytes as CnnTrainer with the same seed");
        DistillTrainer kd = new DistillTrainer(config("c2-p-d10", 0.7, null), teacher);
        kd.train(train, null, TrainProgress.silent());
        assertFalse(Arrays.equals(CnnGraph.tflite(plain.result(), "s"), CnnGraph.tflite(kd.result(), "s")),
                "alpha 0.7: the teacher changes the student");
    }

    @Test
    void teacherReadBackFromTfliteMatchesTheJavaFloatReference() {
        TrainedCnn teacher = teacher();
        assertEquals("c4-p-c8-p-d10", teacher.arch().text());
        assertEquals(4 * 9 + 4 + 8 * 36 + 8 + 392 * 10 + 10, teacher.parameters());
        Graph g = CnnGraph.of(teacher, "teacher");
        Interpreter it = new Interpreter(PreparedModel.prepare(g));
        LabeledImages probe = DATA.slice(128, 160);
        float[][] logits = new DistillTrainer(config("c2-p-d10", 0.7, null), teacher).teacherLogits(probe);
        for (int i = 0; i < probe.count(); i++) {
            ByteBuffer in = ByteBuffer.allocate(4 * 784).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : probe.image(i)) {
                in.putFloat(v);
            }
            ByteBuffer out = ByteBuffer.wrap(it.run(in.array())).order(ByteOrder.LITTLE_ENDIAN);
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : logits[i]) {
                sum += Math.exp(v - max);
            }
            for (int k = 0; k < 10; k++) {
                double p = Math.exp(logits[i][k] - max) / sum;
                assertEquals(out.getFloat(4 * k), p, 1e-4, "image " + i + " class " + k);
            }
        }
    }

    @Test
    void featureDistilledStudentExportsAndRunsInTheReferenceInterpreter() {
        TrainedCnn teacher = teacher();
        DistillTrainer kd = new DistillTrainer(config("c2-p-c4-p-d10", 0.7, "conv2"), teacher);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        kd.train(DATA.slice(0, 128), null, new TrainProgress(new PrintStream(log, true, StandardCharsets.UTF_8), false));
        String line = log.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("epoch 1/1 loss \\d+\\.\\d{4} acc \\d\\.\\d{4} \\d+\\.\\d s\n"), line);
        double loss = Double.parseDouble(line.split(" ")[3]);
        assertTrue(loss > 0.1 && loss < 20, "mean loss of the epoch (hard + soft + feature terms): " + line);
        TrainedCnn student = kd.result();
        assertEquals(2 * 9 + 2 + 4 * 18 + 4 + 196 * 10 + 10, student.parameters(), "projection is not exported");
        Graph g = TfliteImporter.parse(CnnGraph.tflite(student, "student"), "student", "test");
        LabeledImages probe = DATA.slice(128, 160);
        int[] ref = ModelAccuracy.predict(PreparedModel.prepare(g), probe);
        float[][] nd4j = kd.logits(probe);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(CnnTrainer.argMax(nd4j[i]), ref[i], "image " + i + ": ND4J vs Java float reference");
        }
    }

    @Test
    void badFeatureLayersAreOneLineErrorsNamingTheLayers() {
        TrainedCnn teacher = teacher();
        ModelException unknown = assertThrows(ModelException.class,
                () -> new DistillTrainer(config("c2-p-d10", 0.7, "conv3"), teacher));
        assertTrue(unknown.getMessage().contains("conv1 28x28x4, pool1 14x14x4, conv2 14x14x8, pool2 7x7x8"),
                unknown.getMessage());
        ModelException spatial = assertThrows(ModelException.class,
                () -> new DistillTrainer(config("c2-p-d10", 0.7, "pool2:pool1"), teacher));
        assertTrue(spatial.getMessage().contains("teacher pool2 is 7x7x8 but student pool1 is 14x14x2"),
                spatial.getMessage());
        ModelException classes = assertThrows(ModelException.class,
                () -> new DistillTrainer(config("c2-p-d12", 0.7, null), teacher));
        assertTrue(classes.getMessage().contains("10 outputs"), classes.getMessage());
    }
}
