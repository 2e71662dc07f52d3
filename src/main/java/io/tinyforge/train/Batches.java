package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays the trainers of this package feed SameDiff: NHWC single-channel image batches, one-hot labels, and
 * inference over a whole data set in chunks of 500 images.
 */
final class Batches {

    private static final int INFERENCE_CHUNK = 500;

    private Batches() {
    }

    /** The images {@code order[from..to)} ({@code order} null: {@code from..to}) as {@code [m, height, width, 1]}. */
    static INDArray images(LabeledImages d, int[] order, int from, int to, int height, int width) {
        int m = to - from;
        int size = d.imageSize();
        float[] x = new float[m * size];
        for (int i = 0; i < m; i++) {
            int idx = order == null ? from + i : order[from + i];
            System.arraycopy(d.image(idx), 0, x, i * size, size);
        }
        return Nd4j.create(x, new long[] {m, height, width, 1}, 'c');
    }

    /** The labels of {@code order[from..to)} one-hot as {@code [m, classes]}. */
    static INDArray oneHot(LabeledImages d, int[] order, int from, int to, int classes) {
        int m = to - from;
        float[] y = new float[m * classes];
        for (int i = 0; i < m; i++) {
            y[i * classes + d.label(order[from + i])] = 1f;
        }
        return Nd4j.create(y, new long[] {m, classes}, 'c');
    }

    /** Images and one-hot labels of {@code order[from..to)}, as {@code SameDiff.fit(DataSet)} passes them on. */
    static MultiDataSet labeled(LabeledImages d, int[] order, int from, int to, int height, int width, int classes) {
        return new DataSet(images(d, order, from, to, height, width), oneHot(d, order, from, to, classes))
                .toMultiDataSet();
    }

    /** The values of {@code var} (one row per image) for every image of {@code d}, fed to placeholder {@code input}. */
    static float[][] rows(SameDiff sd, String input, String var, LabeledImages d, int height, int width) {
        float[][] out = new float[d.count()][];
        for (int from = 0; from < d.count(); from += INFERENCE_CHUNK) {
            int to = Math.min(d.count(), from + INFERENCE_CHUNK);
            INDArray l = sd.output(Map.of(input, images(d, null, from, to, height, width)), var).get(var);
            for (int i = from; i < to; i++) {
                out[i] = l.getRow(i - from).toFloatVector();
            }
        }
        return out;
    }

    /** The fraction of {@code d} whose logits' arg max (first on ties) is the label; NaN for no images. */
    static double accuracy(float[][] logits, LabeledImages d) {
        int ok = 0;
        for (int i = 0; i < logits.length; i++) {
            ok += CnnTrainer.argMax(logits[i]) == d.label(i) ? 1 : 0;
        }
        return logits.length == 0 ? Double.NaN : (double) ok / logits.length;
    }
}
