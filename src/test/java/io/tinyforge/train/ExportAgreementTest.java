package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.refimpl.PreparedModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The exported .tflite predicts what ND4J predicts: checked with a test-only plain float forward pass (always)
 * and with the Java float reference kernels (when the catalogue has them), on 1,000 held-out images.
 */
class ExportAgreementTest {

    private static final int HELD_OUT = 1000;

    @Test
    void exportedModelAgreesWithNd4j() {
        LabeledImages all = SyntheticImages.make(600 + HELD_OUT, 21);
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse(ArchSpec.COURSE), 1, 32, 2e-3, 5), 28, 28);
        t.train(all.slice(0, 600), null, TrainProgress.silent());
        LabeledImages test = all.slice(600, all.count());
        int[] nd4j = t.predict(test);
        Graph g = TfliteImporter.parse(CnnGraph.tflite(t.result(), "cnn"), "cnn", "exported");

        int same = 0;
        for (int i = 0; i < test.count(); i++) {
            same += CnnTrainer.argMax(PlainFloatCnn.run(g, test.image(i))) == nd4j[i] ? 1 : 0;
        }
        System.out.println("ExportAgreementTest: plain float pass agrees with ND4J on " + same + "/" + HELD_OUT);
        assertTrue(same >= HELD_OUT * 0.999, "plain float pass agrees with ND4J on " + same + "/" + HELD_OUT);

        PreparedModel m;
        try {
            m = PreparedModel.prepare(g);
        } catch (ModelException e) {
            Assumptions.abort("float reference kernels not in the catalogue yet (" + e.getMessage() + ")");
            return;
        }
        int[] ref = ModelAccuracy.predict(m, test);
        int agree = 0;
        for (int i = 0; i < ref.length; i++) {
            agree += ref[i] == nd4j[i] ? 1 : 0;
        }
        System.out.println("ExportAgreementTest: Java float reference agrees with ND4J on " + agree + "/" + HELD_OUT);
        assertTrue(agree >= HELD_OUT * 0.999, "Java float reference agrees with ND4J on " + agree + "/" + HELD_OUT);
    }
}
