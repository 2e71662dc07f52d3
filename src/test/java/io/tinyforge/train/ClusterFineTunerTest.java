package io.tinyforge.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.ClusteringMetadata;
import io.tinyforge.cluster.Init;
import io.tinyforge.cluster.WeightClusterer;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fine-tuning of clustered centroids on a small generated set: weights stay tied (the same partition into
 * clusters, at most 2^N values per group), the centroids and biases move, the file representation is kept.
 */
class ClusterFineTunerTest {

    private static LabeledImages train;
    private static Graph floatGraph;

    @BeforeAll
    static void baseModel() {
        train = SyntheticImages.make(192, 8);
        CnnTrainer t = new CnnTrainer(new CnnTrainer.Config(ArchSpec.parse("c4-p-d10"), 1, 32, 3e-3, 5), 28, 28);
        t.train(train, null, TrainProgress.silent());
        floatGraph = CnnGraph.of(t.result(), "cnn");
    }

    @Test
    void perTensorCentroidsMoveAndWeightsStayTied() {
        check(new ClusterOptions(2, false, Init.LINEAR, 0, 300));
    }

    @Test
    void perChannelCentroidsMoveAndWeightsStayTied() {
        check(new ClusterOptions(2, true, Init.LINEAR, 0, 300));
    }

    private static void check(ClusterOptions o) {
        Graph clustered = WeightClusterer.cluster(floatGraph, o).graph();
        ClusterFineTuner ft = new ClusterFineTuner(clustered, o.perChannel(),
                new ClusterFineTuner.Config(1, 32, 5e-3, 1));
        ft.train(train, null, TrainProgress.silent());
        Graph tuned = ft.result();
        assertArrayEquals(clustered.metadata().get(ClusteringMetadata.NAME), tuned.metadata().get(ClusteringMetadata.NAME),
                "clustering metadata kept");
        int checked = 0;
        for (ClusteringMetadata.Entry e : ClusteringMetadata.of(tuned)) {
            Tensor before = clustered.tensor(e.tensor());
            Tensor after = tuned.tensor(e.tensor());
            assertEquals(before.name(), after.name());
            float[] b = floats(before);
            float[] a = floats(after);
            int channels = before.shape().dim(0);
            int per = b.length / channels;
            boolean moved = false;
            for (int g = 0; g < (o.perChannel() ? channels : 1); g++) {
                int from = o.perChannel() ? g * per : 0;
                int to = o.perChannel() ? from + per : b.length;
                Map<Float, Float> map = new HashMap<>();
                Map<Float, Float> inverse = new HashMap<>();
                for (int i = from; i < to; i++) {
                    Float old = map.putIfAbsent(b[i], a[i]);
                    assertTrue(old == null || old == a[i], after.name() + " element " + i + ": weights of one cluster"
                            + " got different values");
                    Float back = inverse.putIfAbsent(a[i], b[i]);
                    assertTrue(back == null || back == b[i], after.name() + " element " + i + ": two clusters merged");
                    moved |= a[i] != b[i];
                }
                assertTrue(map.size() <= o.k(), after.name() + " group " + g + ": " + map.size() + " values > 2^bits");
            }
            assertTrue(moved, after.name() + ": the centroids were fine-tuned");
            checked++;
        }
        assertEquals(2, checked, "conv and dense filters");
    }

    private static float[] floats(Tensor t) {
        ByteBuffer bb = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) t.shape().elements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = bb.getFloat(4 * i);
        }
        return v;
    }
}
