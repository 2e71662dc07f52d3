package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.ModelException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Trains an {@link ArchSpec} CNN on grey-scale images with ND4J's SameDiff (CPU): softmax cross-entropy, Adam,
 * mini-batches. Deterministic for a seed on one machine: weights are initialised (He uniform, zero biases) and
 * batches shuffled by a {@link SplitMix64} stream, never by ND4J's random generator. Convolutions run NHWC with
 * YXIO filters; {@link #result()} converts them to TFLite's OHWI.
 */
public final class CnnTrainer {

    /**
     * Hyper-parameters. With {@code linearDecay} the Adam learning rate falls linearly from
     * {@code learningRate} towards 0 over all the batches of the run (ND4J PolySchedule, power 1, per iteration);
     * otherwise it stays constant.
     */
    public record Config(ArchSpec arch, int epochs, int batch, double learningRate, long seed, boolean linearDecay) {
        public Config {
            if (epochs < 0 || batch < 1 || !(learningRate > 0)) {
                throw new ModelException("bad training settings: epochs " + epochs + ", batch " + batch + ", lr "
                        + learningRate + " (need epochs >= 0, batch >= 1, lr > 0)");
            }
        }

        /** Constant learning rate. */
        public Config(ArchSpec arch, int epochs, int batch, double learningRate, long seed) {
            this(arch, epochs, batch, learningRate, seed, false);
        }
    }

    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String LOGITS = "logits";

    private final Config config;
    private final int height;
    private final int width;
    private final SameDiff sd;
    private final List<String[]> paramNames = new ArrayList<>();
    private final List<StepHook> stepHooks = new ArrayList<>();
    private boolean gradientsBuilt;
    private long steps;

    /** Called after every optimizer step (e.g. pruning masks); {@code step} counts from 1 over all epochs. */
    public interface StepHook {
        void afterStep(CnnTrainer trainer, long step);
    }

    public CnnTrainer(Config config, int height, int width) {
        this.config = config;
        this.height = height;
        this.width = width;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(config.seed());
        this.sd = build();
    }

    /**
     * Sets the number of threads ND4J's native code (OpenMP, OpenBLAS) uses; process-wide. One thread is the
     * default of the train command: deterministic reductions and, on a shared 2-core machine, the fastest.
     */
    public static void threads(int n) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }

    private static <T> T quietly(java.util.function.Supplier<T> body) {
        PrintStream saved = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return body.get();
        } finally {
            System.setOut(saved);
        }
    }

    private SameDiff build() {
        SameDiff s = SameDiff.create();
        SplitMix64 rng = new SplitMix64(config.seed() ^ 0x5eed_c0deL);
        int classes = config.arch().classes();
        SDVariable x = s.placeHolder(INPUT, DataType.FLOAT, -1, height, width, 1);
        SDVariable y = s.placeHolder(LABEL, DataType.FLOAT, -1, classes);
        SDVariable cur = x;
        int h = height;
        int w = width;
        int ch = 1;
        boolean flat = false;
        List<ArchSpec.Layer> layers = config.arch().layers();
        for (int i = 0; i < layers.size(); i++) {
            ArchSpec.Layer l = layers.get(i);
            boolean last = i == layers.size() - 1;
            switch (l.kind()) {
                case CONV -> {
                    int k = l.kernel();
                    SDVariable wv = s.var("w" + i, heUniform(rng, k * k * ch, k, k, ch, l.units()));
                    SDVariable bv = s.var("b" + i, Nd4j.zeros(DataType.FLOAT, l.units()));
                    paramNames.add(new String[] {"w" + i, "b" + i});
                    Conv2DConfig cc = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1)
                            .paddingMode(PaddingMode.SAME).dataFormat("NHWC").build();
                    cur = s.nn().relu(s.cnn().conv2d(cur, wv, bv, cc), 0);
                    ch = l.units();
                }
                case POOL -> {
                    if (h < 2 || w < 2) {
                        throw new ModelException("bad --arch '" + config.arch() + "': pool " + (i + 1)
                                + " on a " + h + "x" + w + " feature map");
                    }
                    Pooling2DConfig pc = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).dH(1).dW(1)
                            .paddingMode(PaddingMode.VALID).isNHWC(true).build();
                    cur = s.cnn().maxPooling2d(cur, pc);
                    h /= 2;
                    w /= 2;
                    paramNames.add(null);
                }
                case DENSE -> {
                    int in = flat ? ch : h * w * ch;
                    if (!flat) {
                        cur = s.reshape(cur, -1, in);
                        flat = true;
                    }
                    SDVariable wv = s.var("w" + i, heUniform(rng, in, in, l.units()));
                    SDVariable bv = s.var("b" + i, Nd4j.zeros(DataType.FLOAT, l.units()));
                    paramNames.add(new String[] {"w" + i, "b" + i});
                    cur = cur.mmul(wv).add(bv);
                    if (!last) {
                        cur = s.nn().relu(cur, 0);
                    }
                    ch = l.units();
                }
                default -> throw new IllegalStateException();
            }
        }
        cur.rename(LOGITS);
        s.loss().softmaxCrossEntropy("loss", y, cur, null);
        s.setLossVariables("loss");
        s.setTrainingConfig(TrainingConfig.builder().updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        return s;
    }

    private static INDArray heUniform(SplitMix64 rng, int fanIn, int... shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        double limit = Math.sqrt(6.0 / fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.uniform(-limit, limit);
        }
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return Nd4j.create(v, s, 'c');
    }

    /** Runs {@code config.epochs()} epochs over {@code train}; {@code validation} (nullable) is scored per epoch. */
    public void train(LabeledImages train, LabeledImages validation, TrainProgress progress) {
        check(train);
        int n = train.count();
        int batches = (n + config.batch() - 1) / config.batch();
        SplitMix64 shuffle = new SplitMix64(config.seed() * 0x9E3779B97F4A7C15L + 1);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (config.linearDecay() && !gradientsBuilt) {
            long total = Math.max(1L, (long) batches * config.epochs());
            sd.setTrainingConfig(TrainingConfig.builder()
                    .updater(new Adam(new PolySchedule(ScheduleType.ITERATION, config.learningRate(), 1.0,
                            (int) Math.min(Integer.MAX_VALUE, total))))
                    .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        }
        BatchListener listener = new BatchListener();
        for (int e = 0; e < config.epochs(); e++) {
            long t0 = System.nanoTime();
            for (int i = n - 1; i > 0; i--) {
                int j = (int) Long.remainderUnsigned(shuffle.next(), i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            progress.startEpoch(e + 1, config.epochs(), batches);
            listener.reset();
            for (int b = 0; b < batches; b++) {
                int from = b * config.batch();
                int to = Math.min(n, from + config.batch());
                DataSet ds = batch(train, order, from, to);
                if (!gradientsBuilt) {
                    quietly(() -> sd.fit(ds, listener)); // SameDiff prints each differentiated op once
                    gradientsBuilt = true;
                } else {
                    sd.fit(ds, listener);
                }
                steps++;
                for (StepHook h : stepHooks) {
                    h.afterStep(this, steps);
                }
                progress.batch(b + 1, listener.meanLoss(), listener.accuracy());
            }
            double val = validation == null ? Double.NaN : accuracy(validation);
            progress.endEpoch(listener.meanLoss(), listener.accuracy(), val, (System.nanoTime() - t0) / 1e9);
        }
    }

    private void check(LabeledImages d) {
        if (d.rows() != height || d.cols() != width) {
            throw new ModelException("images are " + d.rows() + "x" + d.cols() + ", the network expects " + height
                    + "x" + width);
        }
        if (d.classes() > config.arch().classes()) {
            throw new ModelException("labels go up to " + (d.classes() - 1) + " but the last layer of --arch '"
                    + config.arch() + "' has " + config.arch().classes() + " units");
        }
    }

    private DataSet batch(LabeledImages d, int[] order, int from, int to) {
        int m = to - from;
        int size = d.imageSize();
        int classes = config.arch().classes();
        float[] x = new float[m * size];
        float[] y = new float[m * classes];
        for (int i = 0; i < m; i++) {
            int idx = order == null ? from + i : order[from + i];
            System.arraycopy(d.image(idx), 0, x, i * size, size);
            y[i * classes + d.label(idx)] = 1f;
        }
        return new DataSet(Nd4j.create(x, new long[] {m, height, width, 1}, 'c'),
                Nd4j.create(y, new long[] {m, classes}, 'c'));
    }

    /** The logits of every image, row after row ({@code count × classes}). */
    public float[][] logits(LabeledImages d) {
        check(d);
        float[][] out = new float[d.count()][];
        int step = 500;
        for (int from = 0; from < d.count(); from += step) {
            int to = Math.min(d.count(), from + step);
            INDArray in = batch(d, null, from, to).getFeatures();
            INDArray l = sd.output(Map.of(INPUT, in), LOGITS).get(LOGITS);
            for (int i = from; i < to; i++) {
                out[i] = l.getRow(i - from).toFloatVector();
            }
        }
        return out;
    }

    /** The predicted class (arg max of the logits, first on ties) of every image. */
    public int[] predict(LabeledImages d) {
        float[][] l = logits(d);
        int[] p = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            p[i] = argMax(l[i]);
        }
        return p;
    }

    /** The fraction of {@code d} classified correctly. */
    public double accuracy(LabeledImages d) {
        int[] p = predict(d);
        int ok = 0;
        for (int i = 0; i < p.length; i++) {
            ok += p[i] == d.label(i) ? 1 : 0;
        }
        return p.length == 0 ? Double.NaN : (double) ok / p.length;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Adds a hook run after every optimizer step, in the order added. */
    public void addStepHook(StepHook hook) {
        stepHooks.add(hook);
    }

    /** The number of batches per epoch for {@code examples} training images. */
    public int batchesPerEpoch(int examples) {
        return (examples + config.batch() - 1) / config.batch();
    }

    /**
     * The live weight array of layer {@code layer} in the trainer's layout (YXIO filters, [inputs, units] dense
     * weights), or null for a pool; changing it changes the model.
     */
    public INDArray weightArray(int layer) {
        String[] names = paramNames.get(layer);
        return names == null ? null : sd.getVariable(names[0]).getArr();
    }

    /** Replaces every weight and bias by those of {@code cnn} (same architecture and input size; TFLite layout). */
    public void load(TrainedCnn cnn) {
        if (!cnn.arch().layers().equals(config.arch().layers()) || cnn.height() != height || cnn.width() != width) {
            throw new ModelException("weights of '" + cnn.arch() + "' (" + cnn.height() + "x" + cnn.width()
                    + ") do not fit a trainer of '" + config.arch() + "' (" + height + "x" + width + ")");
        }
        for (int i = 0; i < paramNames.size(); i++) {
            String[] names = paramNames.get(i);
            if (names == null) {
                continue;
            }
            TrainedCnn.LayerWeights lw = cnn.layers().get(i);
            int[] ws = lw.weightShape();
            long[] shape = new long[ws.length];
            for (int k = 0; k < ws.length; k++) {
                shape[k] = ws[k];
            }
            INDArray t = Nd4j.create(lw.weights().clone(), shape, 'c');
            INDArray w = lw.layer().kind() == ArchSpec.Kind.CONV ? t.permute(1, 2, 3, 0) : t.transpose();
            sd.getVariable(names[0]).getArr().assign(w);
            sd.getVariable(names[1]).getArr().assign(Nd4j.create(lw.bias().clone(), new long[] {lw.bias().length}, 'c'));
        }
    }

    /** The current weights in TFLite layout (OHWI filters, [units, inputs] dense weights). */
    public TrainedCnn result() {
        List<TrainedCnn.LayerWeights> out = new ArrayList<>();
        List<ArchSpec.Layer> layers = config.arch().layers();
        for (int i = 0; i < layers.size(); i++) {
            ArchSpec.Layer l = layers.get(i);
            String[] names = paramNames.get(i);
            if (names == null) {
                out.add(new TrainedCnn.LayerWeights(l, null, null, null));
                continue;
            }
            INDArray w = sd.getVariable(names[0]).getArr();
            INDArray b = sd.getVariable(names[1]).getArr();
            INDArray t = l.kind() == ArchSpec.Kind.CONV ? w.permute(3, 0, 1, 2) : w.transpose();
            t = t.dup('c');
            long[] s = t.shape();
            int[] shape = new int[s.length];
            for (int k = 0; k < s.length; k++) {
                shape[k] = (int) s[k];
            }
            out.add(new TrainedCnn.LayerWeights(l, shape, t.reshape(t.length()).toFloatVector(),
                    b.reshape(b.length()).toFloatVector()));
        }
        return new TrainedCnn(config.arch(), height, width, 1, out);
    }

    /** Collects the loss and the training accuracy of each batch (from the logits the fit computes anyway). */
    private static final class BatchListener extends BaseListener {
        private double lossSum;
        private int lossCount;
        private long correct;
        private long seen;

        void reset() {
            lossSum = 0;
            lossCount = 0;
            correct = 0;
            seen = 0;
        }

        double meanLoss() {
            return lossCount == 0 ? Double.NaN : lossSum / lossCount;
        }

        double accuracy() {
            return seen == 0 ? Double.NaN : (double) correct / seen;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.builder().trainingVariables(LOGITS).build();
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                INDArray activation) {
            if (!LOGITS.equals(varName)) {
                return;
            }
            // the logits are those of the forward pass the update is computed from (weights before the step)
            float[][] logits = activation.toFloatMatrix();
            float[][] labels = batch.getLabels(0).toFloatMatrix();
            double loss = 0;
            for (int i = 0; i < logits.length; i++) {
                int truth = argMax(labels[i]);
                int pred = argMax(logits[i]);
                correct += pred == truth ? 1 : 0;
                double max = logits[i][pred];
                double sum = 0;
                for (float v : logits[i]) {
                    sum += Math.exp(v - max);
                }
                loss += max + Math.log(sum) - logits[i][truth];
            }
            seen += logits.length;
            lossSum += loss / Math.max(1, logits.length);
            lossCount++;
        }

    }
}
