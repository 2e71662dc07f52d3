package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.io.ByteArrayOutputStream;

/**
 * A QAT-converted int8 model for end-to-end tests (host C, emulator): a c4-p-c8-p-d10 CNN trained one epoch on
 * 256 generated images, fine-tuned one QAT epoch, converted, written as .tflite and imported again; plus input
 * records (held-out images quantized with the model's input parameters).
 */
public final class QatFixture {

    private QatFixture() {
    }

    /** The re-imported QAT int8 model. */
    public static Graph model() {
        LabeledImages train = SyntheticImages.make(256, 17);
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse("c4-p-c8-p-d10"), 1, 32, 3e-3, 4), 28, 28);
        t.train(train, null, TrainProgress.silent());
        TrainedCnn base = t.result();
        QatTrainer q = new QatTrainer(base, new QatTrainer.Config(1, 32, 1e-3, 2, 0.9, true),
                QatModels.initialRanges(base, train, 64));
        q.train(train, null, TrainProgress.silent());
        Graph g = QatModels.convert(q.result(), q.ranges(), "qat_fixture").quantized();
        return TfliteImporter.parse(TfliteWriter.write(g), "qat_fixture", "QatFixture");
    }

    /** {@code n} held-out images as concatenated int8 input records of {@code g}. */
    public static byte[] inputs(Graph g, int n) {
        LabeledImages images = SyntheticImages.make(n, 23);
        Tensor in = g.tensor(g.inputs()[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            out.writeBytes(ModelAccuracy.encode(in, images.image(i)));
        }
        return out.toByteArray();
    }
}
