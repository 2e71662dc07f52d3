package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Tensor;
import io.tinyforge.quantize.QuantizedModel;
import io.tinyforge.quantize.Range;
import io.tinyforge.refimpl.PreparedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quantization-aware training on a small generated set (a c4-p-c8-p-d10 CNN, 256 images, one epoch): the
 * simulated int8 model is the converted one, ranges are learned, exact zeros stay zero.
 */
class QatTrainerTest {

    private static LabeledImages train;
    private static LabeledImages test;
    private static TrainedCnn base;

    @BeforeAll
    static void baseModel() {
        LabeledImages all = SyntheticImages.make(384, 5);
        train = all.slice(0, 256);
        test = all.slice(256, 384);
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse("c4-p-c8-p-d10"), 1, 32, 3e-3, 3), 28, 28);
        t.train(train, null, TrainProgress.silent());
        base = t.result();
    }

    private static QatTrainer qat(TrainedCnn start, boolean keepZeros) {
        QatTrainer q = new QatTrainer(start, new QatTrainer.Config(1, 32, 1e-3, 1, 0.9, keepZeros),
                QatModels.initialRanges(start, train, 64));
        q.train(train, null, TrainProgress.silent());
        return q;
    }

    @Test
    void readerRecoversTheArchitectureAndWeightsOfAnExportedCnn() {
        TrainedCnn back = CnnGraphReader.read(CnnGraph.of(base, "cnn"), "test");
        assertEquals("c4-p-c8-p-d10", back.arch().text());
        for (int i = 0; i < base.layers().size(); i++) {
            TrainedCnn.LayerWeights a = base.layers().get(i);
            TrainedCnn.LayerWeights b = back.layers().get(i);
            assertArrayEquals(a.weightShape(), b.weightShape(), "layer " + i + " shape");
            assertArrayEquals(a.weights(), b.weights(), "layer " + i + " weights");
            assertArrayEquals(a.bias(), b.bias(), "layer " + i + " bias");
        }
    }

    @Test
    void weightFakeQuantizationIsTheConvertersPerChannelInt8() {
        // two channels innermost: channel 0 max |w| = 1.27 (scale 0.01), channel 1 all zero (scale 1)
        float[] w = {0.5f, 0f, -1.27f, 0f, 0.004f, 0f, 0.006f, 0f};
        float[] d = QatTrainer.weightRoundingError(w, 2);
        float[] expected = {0.50f, 0f, -1.27f, 0f, 0f, 0f, 0.01f, 0f};
        for (int i = 0; i < w.length; i++) {
            assertEquals(expected[i], w[i] + d[i], 1e-6f, "weight " + i);
        }
    }

    @Test
    void convertedInt8ModelHoldsTheFakeQuantizedWeightsAndLearnedRanges() {
        QatTrainer q = qat(base, true);
        TrainedCnn tuned = q.result();
        Map<String, Range> ranges = q.ranges();
        assertEquals(List.of("input", "l0_conv_relu", "l2_conv_relu", "l4_logits"), new ArrayList<>(ranges.keySet()));
        QuantizedModel qm = QatModels.convert(tuned, ranges, "qat");
        Graph g = qm.quantized();
        int layer = 0;
        for (Tensor t : g.tensors()) {
            if (!t.isConstant() || t.dtype() != DType.INT8) {
                continue;
            }
            while (tuned.layers().get(layer).weights() == null) {
                layer++;
            }
            TrainedCnn.LayerWeights lw = tuned.layers().get(layer++);
            QuantParams qp = t.quant();
            byte[] data = t.data();
            int per = data.length / lw.weightShape()[0];
            // the int8 weights times their scale are the simulated weights: q(w) = w + (q(w) - w), channel-last there
            float[] yxio = toChannelLast(lw.weights(), lw.weightShape()[0]);
            float[] delta = QatTrainer.weightRoundingError(yxio, lw.weightShape()[0]);
            for (int i = 0; i < data.length; i++) {
                int oc = i / per;
                int j = (i % per) * lw.weightShape()[0] + oc;
                assertEquals(yxio[j] + delta[j], data[i] * qp.scale(oc), 1e-6f * Math.max(1f, Math.abs(yxio[j])),
                        t.name() + " element " + i);
            }
        }
        assertTrue(layer >= 3, "three int8 weight tensors");
        for (String name : ranges.keySet()) {
            Tensor t = g.tensors().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            Range r = ranges.get(name);
            float lo = Math.min(0f, r.min());
            float hi = Math.max(0f, r.max());
            assertEquals((hi - lo) / 255f, t.quant().scale(), 1e-7f, name + " scale from the learned range");
        }
        assertNotEquals(QatModels.initialRanges(base, train, 64).get("l0_conv_relu"), ranges.get("l0_conv_relu"),
                "the range moved away from its calibrated start");
        PreparedModel m = PreparedModel.prepare(g);
        int[] int8 = ModelAccuracy.predict(m, test);
        double acc = ModelAccuracy.accuracy(int8, test);
        double fq = q.accuracy(test);
        assertTrue(Math.abs(acc - fq) <= 0.05, "int8 accuracy " + acc + " vs fake-quant ND4J " + fq);
        assertTrue(acc > 0.3, "int8 accuracy " + acc + " well above chance (0.1)");
    }

    @Test
    void exactZerosStayZeroUnlessFreed() {
        List<TrainedCnn.LayerWeights> layers = new ArrayList<>();
        for (TrainedCnn.LayerWeights lw : base.layers()) {
            if (lw.weights() == null) {
                layers.add(lw);
                continue;
            }
            float[] w = lw.weights().clone();
            for (int i = 0; i < w.length; i += 2) {
                w[i] = 0f; // "pruned": every other weight
            }
            layers.add(new TrainedCnn.LayerWeights(lw.layer(), lw.weightShape(), w, lw.bias()));
        }
        TrainedCnn pruned = new TrainedCnn(base.arch(), 28, 28, 1, layers);
        QatTrainer keptQat = qat(pruned, true);
        TrainedCnn kept = keptQat.result();
        TrainedCnn freed = qat(pruned, false).result();
        boolean anyMoved = false;
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).weights() == null) {
                continue;
            }
            float[] k = kept.layers().get(l).weights();
            float[] f = freed.layers().get(l).weights();
            for (int i = 0; i < k.length; i += 2) {
                assertEquals(0f, k[i], "layer " + l + " weight " + i + " stays pruned");
                anyMoved |= f[i] != 0f;
            }
            boolean trained = false;
            for (int i = 1; i < k.length; i += 2) {
                trained |= k[i] != layers.get(l).weights()[i];
            }
            assertTrue(trained, "layer " + l + ": the other weights train");
        }
        assertTrue(anyMoved, "without keepZeros the zero weights train too");
        QuantizedModel qm = QatModels.convert(kept, keptQat.ranges(), "kept");
        for (Tensor t : qm.quantized().tensors()) {
            if (t.isConstant() && t.dtype() == DType.INT8) {
                for (int i = 0; i < t.data().length; i += 2) {
                    assertEquals(0, t.data()[i], t.name() + " int8 element " + i + " stays 0");
                }
            }
        }
        assertFalse(qm.quantized().tensors().isEmpty());
    }

    /** OHWI / [out, in] flat weights to the same values with the output channel innermost. */
    private static float[] toChannelLast(float[] w, int out) {
        int per = w.length / out;
        float[] r = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            r[(i % per) * out + i / per] = w[i];
        }
        return r;
    }
}
