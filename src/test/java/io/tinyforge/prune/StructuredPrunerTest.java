package io.tinyforge.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.testing.FloatRecords;
import io.tinyforge.train.CnnGraph;
import io.tinyforge.train.TrainedCnn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Removing filters must not change what the network computes when those filters were already zero: the original
 * CNN with the removed filters' weights and biases set to 0 (so their ReLU outputs are 0 and feed nothing) and
 * the smaller pruned CNN give the same float outputs in the Java float reference.
 */
class StructuredPrunerTest {

    @Test
    void prunedNetworkEqualsTheOriginalWithRemovedFiltersZeroed() {
        TrainedCnn cnn = PrunedCnns.random("c8-p-c6-p-d12-d10", 16, 3);
        StructuredPruner.Result r = StructuredPruner.prune(cnn, 0.5, StructuredPruner.Norm.L2);
        assertEquals("c4-p-c3-p-d6-d10", r.cnn().arch().toString());
        assertArrayEquals(new int[] {6, 4 * 4 * 3}, r.cnn().layers().get(4).weightShape(), "flatten columns kept");

        List<TrainedCnn.LayerWeights> zeroed = new ArrayList<>();
        for (int i = 0; i < cnn.layers().size(); i++) {
            TrainedCnn.LayerWeights lw = cnn.layers().get(i);
            int[] kept = r.kept().get(i);
            if (kept == null) {
                zeroed.add(lw);
                continue;
            }
            float[] w = lw.weights().clone();
            float[] b = lw.bias().clone();
            int per = w.length / b.length;
            for (int o = 0; o < b.length; o++) {
                if (java.util.Arrays.binarySearch(kept, o) < 0) {
                    java.util.Arrays.fill(w, o * per, (o + 1) * per, 0f);
                    b[o] = 0f;
                }
            }
            zeroed.add(new TrainedCnn.LayerWeights(lw.layer(), lw.weightShape(), w, b));
        }
        TrainedCnn reference = new TrainedCnn(cnn.arch(), 16, 16, 1, zeroed);
        Interpreter a = new Interpreter(CnnGraph.of(reference, "zeroed"));
        Interpreter b = new Interpreter(CnnGraph.of(r.cnn(), "pruned"));
        byte[] in = FloatRecords.uniform(9, 5, 256, 0, 1);
        for (int v = 0; v < 5; v++) {
            byte[] rec = java.util.Arrays.copyOfRange(in, v * 1024, (v + 1) * 1024);
            float[] ya = FloatRecords.floats(a.run(rec));
            float[] yb = FloatRecords.floats(b.run(rec));
            for (int k = 0; k < ya.length; k++) {
                assertEquals(ya[k], yb[k], 1e-6f, "record " + v + " output " + k);
            }
        }
    }

    @Test
    void filtersWithTheSmallestL1NormGo() {
        // conv of 4 filters with L1 norms 4, 1, 3, 2 (one weight each, 1x1 kernel): 50 % keeps filters 0 and 2
        float[] w = {4, -1, 3, -2};
        TrainedCnn cnn = PrunedCnns.random("c4k1-d3", 2, 1);
        TrainedCnn.LayerWeights conv = new TrainedCnn.LayerWeights(cnn.layers().get(0).layer(), new int[] {4, 1, 1, 1},
                w, new float[4]);
        TrainedCnn t = new TrainedCnn(cnn.arch(), 2, 2, 1, List.of(conv, cnn.layers().get(1)));
        StructuredPruner.Result r = StructuredPruner.prune(t, 0.5, StructuredPruner.Norm.L1);
        assertArrayEquals(new int[] {0, 2}, r.kept().get(0));
        assertArrayEquals(new float[] {4, 3}, r.cnn().layers().get(0).weights());
        // dense [3, 2*2*4] keeps columns pix*4 + {0, 2}
        float[] dense = cnn.layers().get(1).weights();
        float[] got = r.cnn().layers().get(1).weights();
        for (int u = 0; u < 3; u++) {
            for (int pix = 0; pix < 4; pix++) {
                assertEquals(dense[u * 16 + pix * 4], got[u * 8 + pix * 2], "unit " + u + " pixel " + pix + " c0");
                assertEquals(dense[u * 16 + pix * 4 + 2], got[u * 8 + pix * 2 + 1], "unit " + u + " pixel " + pix + " c2");
            }
        }
    }
}
