package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Fine-tuning of a k-means-clustered float CNN (Deep Compression's weight-sharing step): each weight tensor
 * is rebuilt in the SameDiff graph as {@code gather(centroids, index)}, so a weight stays tied to its centroid,
 * and the gradient a centroid receives is the sum of the gradients of the weights assigned to it (the gradient
 * of gather scatters-adds). Only the centroids and the biases train; the assignment is fixed. A group is the
 * whole tensor or one output channel, whichever the clustering used: its centroids are the distinct values it
 * holds. The result replaces the weight and bias data in the clustered graph, keeping its tensors, operators
 * and {@code tinyforge.clustering} metadata, so {@code cluster}'s consumers read it unchanged.
 */
public final class ClusterFineTuner {

    /** Hyper-parameters. */
    public record Config(int epochs, int batch, double learningRate, long seed) {
        public Config {
            if (epochs < 0 || batch < 1 || !(learningRate > 0)) {
                throw new ModelException("bad fine-tuning settings: epochs " + epochs + ", batch " + batch + ", lr "
                        + learningRate + " (need epochs >= 0, batch >= 1, lr > 0)");
            }
        }
    }

    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String LOGITS = "logits";

    private final Graph clustered;
    private final TrainedCnn start;
    private final Config config;
    private final SameDiff sd;
    /** Per layer: the codebook, null for pools. */
    private final List<Codebook> codebooks = new ArrayList<>();
    private final EpochLoop loop;

    /** One weight tensor's shared values: {@code stride} centroids per group, one index per weight. */
    private record Codebook(float[] centroids, int stride, int[] tfliteIndex, int[] tfliteShape) {
    }

    /**
     * A fine-tuner of {@code clustered} (the graph {@code cluster} wrote from a float model of {@code train});
     * {@code perChannel} says whether the clustering had one codebook per output channel.
     */
    public ClusterFineTuner(Graph clustered, boolean perChannel, Config config) {
        this.clustered = clustered;
        this.start = CnnGraphReader.read(clustered, "cluster --fine-tune-epochs");
        this.config = config;
        for (TrainedCnn.LayerWeights lw : start.layers()) {
            codebooks.add(lw.weights() == null ? null : codebook(lw, perChannel));
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(config.seed());
        this.sd = build();
        this.loop = new EpochLoop(sd);
    }

    /** The distinct values of each group (tensor or output channel = TFLite axis 0) and every weight's index. */
    static Codebook codebook(TrainedCnn.LayerWeights lw, boolean perChannel) {
        float[] w = lw.weights();
        int[] shape = lw.weightShape();
        int groups = perChannel ? shape[0] : 1;
        int per = w.length / shape[0];
        List<float[]> tables = new ArrayList<>();
        int stride = 0;
        for (int g = 0; g < groups; g++) {
            TreeSet<Float> distinct = new TreeSet<>();
            int from = perChannel ? g * per : 0;
            int to = perChannel ? from + per : w.length;
            for (int i = from; i < to; i++) {
                distinct.add(w[i]);
            }
            float[] t = new float[distinct.size()];
            int j = 0;
            for (float v : distinct) {
                t[j++] = v;
            }
            tables.add(t);
            stride = Math.max(stride, t.length);
        }
        float[] centroids = new float[groups * stride];
        for (int g = 0; g < groups; g++) {
            System.arraycopy(tables.get(g), 0, centroids, g * stride, tables.get(g).length);
        }
        int[] index = new int[w.length];
        for (int i = 0; i < w.length; i++) {
            int g = perChannel ? i / per : 0;
            int k = java.util.Arrays.binarySearch(tables.get(g), w[i]);
            index[i] = g * stride + k;
        }
        return new Codebook(centroids, stride, index, shape);
    }

    private SameDiff build() {
        SameDiff s = SameDiff.create();
        int classes = start.arch().classes();
        SDVariable x = s.placeHolder(INPUT, DataType.FLOAT, -1, start.height(), start.width(), 1);
        SDVariable y = s.placeHolder(LABEL, DataType.FLOAT, -1, classes);
        SDVariable logits = DistillNet.fineTune(s, x, start, (i, fanIn, shape) -> {
            // gather in TFLite OHWI / [units, inputs] order, then permute to SameDiff's YXIO / [inputs, units]
            TrainedCnn.LayerWeights lw = start.layers().get(i);
            int[] sh = lw.weightShape();
            SDVariable t = tied(s, i, codebooks.get(i));
            return lw.layer().kind() == ArchSpec.Kind.CONV ? t.reshape(sh[0], sh[1], sh[2], sh[3]).permute(1, 2, 3, 0)
                    : t.reshape(sh[0], sh[1]).permute(1, 0);
        }, (i, a) -> a).logits();
        s.loss().softmaxCrossEntropy("loss", y, logits, null);
        s.setLossVariables("loss");
        s.setTrainingConfig(TrainingConfig.builder().updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        return s;
    }

    /**
     * The flat weights of layer {@code i}, each the centroid its index names, as {@code onehot · centroids}
     * (SameDiff's gather gradient cannot be built for several gathers in one graph); the gradient of a
     * centroid is then {@code onehotᵀ · dL/dw}: the sum over the weights of its cluster.
     */
    private static SDVariable tied(SameDiff s, int i, Codebook cb) {
        int k = cb.centroids().length;
        int n = cb.tfliteIndex().length;
        SDVariable c = s.var("c" + i, Nd4j.create(cb.centroids().clone(), new long[] {k, 1}, 'c'));
        float[] onehot = new float[n * k];
        for (int j = 0; j < n; j++) {
            onehot[j * k + cb.tfliteIndex()[j]] = 1f;
        }
        SDVariable assign = s.constant("assign" + i, Nd4j.create(onehot, new long[] {n, k}, 'c'));
        return assign.mmul(c).reshape(n);
    }

    /** Fine-tunes the centroids and biases for {@code config.epochs()} epochs. */
    public void train(LabeledImages train, LabeledImages validation, TrainProgress progress) {
        int n = train.count();
        if (train.rows() != start.height() || train.cols() != start.width()) {
            throw new ModelException("images are " + train.rows() + "x" + train.cols() + ", the model expects "
                    + start.height() + "x" + start.width());
        }
        int classes = start.arch().classes();
        loop.run(n, config.epochs(), config.batch(), config.seed(), 11, new BatchStats(LOGITS),
                (order, from, to) -> Batches.labeled(train, order, from, to, start.height(), start.width(), classes),
                () -> { }, validation, this::accuracy, progress);
    }

    /** The fraction of {@code d} the tied network classifies correctly. */
    public double accuracy(LabeledImages d) {
        return Batches.accuracy(Batches.rows(sd, INPUT, LOGITS, d, start.height(), start.width()), d);
    }

    /**
     * The clustered graph with every weight set to its fine-tuned centroid and every bias fine-tuned; all else
     * (tensor order and names, operators, metadata) as in the input graph.
     */
    public Graph result() {
        List<Tensor> tensors = new ArrayList<>(clustered.tensors());
        int layer = 0;
        for (Operator op : clustered.operators()) {
            if (op.type() != OpType.CONV_2D && op.type() != OpType.FULLY_CONNECTED) {
                continue;
            }
            while (codebooks.get(layer) == null) {
                layer++;
            }
            Codebook cb = codebooks.get(layer);
            float[] c = sd.getVariable("c" + layer).getArr().toFloatVector();
            float[] w = new float[cb.tfliteIndex().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = c[cb.tfliteIndex()[i]];
            }
            replace(tensors, op.input(1), w);
            if (op.input(2) >= 0) {
                replace(tensors, op.input(2), sd.getVariable("b" + layer).getArr().toFloatVector());
            }
            layer++;
        }
        return new Graph(clustered.name(), tensors, clustered.operators(), clustered.inputs(), clustered.outputs(),
                clustered.sha256(), clustered.metadata());
    }

    private static void replace(List<Tensor> tensors, int index, float[] v) {
        Tensor t = tensors.get(index);
        if (t.dtype() != DType.FLOAT32 || t.shape().elements() != v.length) {
            throw new IllegalStateException("tensor " + t + " does not match its layer");
        }
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        tensors.set(index, new Tensor(t.index(), t.name(), t.shape(), t.dtype(), t.quant(), b.array(), t.variable()));
    }
}
