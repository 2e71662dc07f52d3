package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.ModelException;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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

    static {
        NativeFlavour.select();
    }

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
    private List<String[]> paramNames;
    private final List<StepHook> stepHooks = new ArrayList<>();
    private final EpochLoop loop;
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
        this.loop = new EpochLoop(sd);
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

    private SameDiff build() {
        SameDiff s = SameDiff.create();
        int classes = config.arch().classes();
        SDVariable x = s.placeHolder(INPUT, DataType.FLOAT, -1, height, width, 1);
        SDVariable y = s.placeHolder(LABEL, DataType.FLOAT, -1, classes);
        DistillNet net = DistillNet.student(s, x, config.arch(), height, width, config.seed(), "");
        paramNames = net.paramNames();
        SDVariable cur = net.logits(); // named LOGITS
        s.loss().softmaxCrossEntropy("loss", y, cur, null);
        s.setLossVariables("loss");
        s.setTrainingConfig(TrainingConfig.builder().updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        return s;
    }

    /** Runs {@code config.epochs()} epochs over {@code train}; {@code validation} (nullable) is scored per epoch. */
    public void train(LabeledImages train, LabeledImages validation, TrainProgress progress) {
        check(train);
        if (config.linearDecay() && !loop.fitted()) {
            long total = Math.max(1L, (long) batchesPerEpoch(train.count()) * config.epochs());
            sd.setTrainingConfig(TrainingConfig.builder()
                    .updater(new Adam(new PolySchedule(ScheduleType.ITERATION, config.learningRate(), 1.0,
                            (int) Math.min(Integer.MAX_VALUE, total))))
                    .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        }
        int classes = config.arch().classes();
        loop.run(train.count(), config.epochs(), config.batch(), config.seed(), 1, new BatchStats(LOGITS),
                (order, from, to) -> Batches.labeled(train, order, from, to, height, width, classes), () -> {
                    steps++;
                    for (StepHook h : stepHooks) {
                        h.afterStep(this, steps);
                    }
                }, validation, this::accuracy, progress);
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

    /** The logits of every image, row after row ({@code count × classes}). */
    public float[][] logits(LabeledImages d) {
        check(d);
        return Batches.rows(sd, INPUT, LOGITS, d, height, width);
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
        return Batches.accuracy(logits(d), d);
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
        return EpochLoop.batches(examples, config.batch());
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
        return DistillNet.result(sd, config.arch(), paramNames, height, width);
    }
}
