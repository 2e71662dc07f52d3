package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.ModelException;
import java.util.List;
import java.util.Locale;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Knowledge distillation with ND4J SameDiff: trains a student {@link ArchSpec} CNN against a frozen teacher
 * {@link TrainedCnn} with {@code (1−α)·CE(labels, s) + α·T²·KL(softmax(t/T) ‖ softmax(s/T))}, plus, with a
 * feature layer, {@code β·mean((P(f_s) − f_t)²)} through a learned 1×1 projection {@code P} (see
 * {@link DistillLoss}). The teacher's logits of the (un-augmented) training set are computed once per run; its
 * feature layer, when matched, is computed in the training graph from frozen constants. Student initialisation,
 * batch order, optimiser (Adam) and mini-batches are those of {@link CnnTrainer} for the same seed, so α = 0
 * without a feature layer is plain hard-label training.
 */
public final class DistillTrainer {

    /** Hyper-parameters; {@code featureLayer} is null or {@code TEACHER[:STUDENT]} ({@link FeatureLayers} names). */
    public record Config(ArchSpec student, int epochs, int batch, double learningRate, long seed, double temperature,
            double alpha, String featureLayer, double featureWeight) {
        public Config {
            new CnnTrainer.Config(student, epochs, batch, learningRate, seed); // same checks
            if (!(temperature > 0) || Double.isInfinite(temperature)) {
                throw new ModelException("--temperature must be a positive number, not " + temperature);
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new ModelException("--alpha must be between 0 and 1, not " + alpha);
            }
            if (!(featureWeight >= 0) || Double.isInfinite(featureWeight)) {
                throw new ModelException("--feature-weight must be a number >= 0, not " + featureWeight);
            }
        }
    }

    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String TEACHER_LOGITS = "teacher_logits";
    private static final String LOGITS = "s_logits";
    private static final String LOSS = "loss";

    private final Config config;
    private final TrainedCnn teacher;
    private final int height;
    private final int width;
    private final SameDiff sd;
    private final SameDiff teacherSd;
    private List<String[]> paramNames;
    private final EpochLoop loop;

    /** A student for {@code teacher}'s input size; bad feature layers and mismatched classes are one-liners. */
    public DistillTrainer(Config config, TrainedCnn teacher) {
        this.config = config;
        this.teacher = teacher;
        this.height = teacher.height();
        this.width = teacher.width();
        if (teacher.channels() != 1) {
            throw new ModelException("the teacher takes " + teacher.channels() + " channels; distill trains on "
                    + "grey-scale images (1 channel)");
        }
        if (teacher.arch().classes() != config.student().classes()) {
            throw new ModelException("the teacher has " + teacher.arch().classes() + " outputs but the last layer of "
                    + "--student-arch '" + config.student() + "' has " + config.student().classes());
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(config.seed());
        this.teacherSd = buildTeacher();
        this.sd = build();
        this.loop = new EpochLoop(sd);
    }

    private SameDiff buildTeacher() {
        SameDiff s = SameDiff.create();
        SDVariable x = s.placeHolder(INPUT, DataType.FLOAT, -1, height, width, 1);
        DistillNet.teacher(s, x, teacher, Integer.MAX_VALUE, "t_");
        return s;
    }

    private SameDiff build() {
        SameDiff s = SameDiff.create();
        int classes = config.student().classes();
        SDVariable x = s.placeHolder(INPUT, DataType.FLOAT, -1, height, width, 1);
        SDVariable y = s.placeHolder(LABEL, DataType.FLOAT, -1, classes);
        SDVariable t = s.placeHolder(TEACHER_LOGITS, DataType.FLOAT, -1, classes);
        DistillNet student = DistillNet.student(s, x, config.student(), height, width, config.seed(), "s_");
        paramNames = student.paramNames();
        SDVariable logits = student.logits();
        SDVariable hard = s.loss().softmaxCrossEntropy("hard_loss", y, logits, null);
        SDVariable soft = DistillLoss.response(s, logits, t, config.temperature());
        SDVariable loss = hard.mul(1 - config.alpha()).add(soft.mul(config.alpha()));
        if (config.featureLayer() != null) {
            loss = loss.add(featureLoss(s, x, student).mul(config.featureWeight()));
        }
        loss.rename(LOSS);
        s.setLossVariables(LOSS);
        s.setTrainingConfig(TrainingConfig.builder().updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL, TEACHER_LOGITS).build());
        return s;
    }

    private SDVariable featureLoss(SameDiff s, SDVariable x, DistillNet student) {
        String spec = config.featureLayer().strip().toLowerCase(Locale.ROOT);
        int colon = spec.indexOf(':');
        String tName = colon < 0 ? spec : spec.substring(0, colon);
        String sName = colon < 0 ? spec : spec.substring(colon + 1);
        FeatureLayers.Feature tf = FeatureLayers.find(teacher.arch(), height, width, tName);
        if (tf == null) {
            throw new ModelException("--feature-layer: the teacher (" + teacher.arch() + ") has no layer '" + tName
                    + "'; its layers: " + FeatureLayers.names(teacher.arch(), height, width));
        }
        FeatureLayers.Feature sf = FeatureLayers.find(config.student(), height, width, sName);
        if (sf == null) {
            throw new ModelException("--feature-layer: the student (" + config.student() + ") has no layer '" + sName
                    + "'; its layers: " + FeatureLayers.names(config.student(), height, width)
                    + " (TEACHER:STUDENT names both)");
        }
        boolean tDense = tf.name().startsWith("dense");
        boolean sDense = sf.name().startsWith("dense");
        if (tDense != sDense || tf.height() != sf.height() || tf.width() != sf.width()) {
            throw new ModelException("--feature-layer: teacher " + tf.name() + " is " + tf.size() + " but student "
                    + sf.name() + " is " + sf.size() + "; the 1x1 projection maps channels only, so the spatial sizes"
                    + " must match (pick layers after the same number of pools)");
        }
        DistillNet frozen = DistillNet.teacher(s, x, teacher, tf.index(), "t_");
        SplitMix64 rng = new SplitMix64(config.seed() ^ 0x9_0f_ea7L);
        SDVariable proj = s.var("proj_w", DistillNet.heUniform(rng, sf.channels(), sf.channels(), tf.channels()));
        SDVariable bias = s.var("proj_b", Nd4j.zeros(DataType.FLOAT, tf.channels()));
        return DistillLoss.feature(s, student.feature(sf.name()), frozen.feature(tf.name()), proj, bias,
                sf.channels(), tf.channels());
    }

    /** The teacher's logits of every image (frozen teacher graph, batches of 500). */
    public float[][] teacherLogits(LabeledImages d) {
        return logits(teacherSd, "t_logits", d);
    }

    /** The student's logits of every image. */
    public float[][] logits(LabeledImages d) {
        return logits(sd, LOGITS, d);
    }

    private float[][] logits(SameDiff s, String var, LabeledImages d) {
        check(d);
        return Batches.rows(s, INPUT, var, d, height, width);
    }

    /** The fraction of {@code d} the student classifies correctly. */
    public double accuracy(LabeledImages d) {
        return Batches.accuracy(logits(d), d);
    }

    /** The fraction of {@code d} the teacher classifies correctly. */
    public double teacherAccuracy(LabeledImages d) {
        return Batches.accuracy(teacherLogits(d), d);
    }

    /** Runs {@code config.epochs()} epochs over {@code train}; {@code validation} (nullable) is scored per epoch. */
    public void train(LabeledImages train, LabeledImages validation, TrainProgress progress) {
        check(train);
        float[][] soft = teacherLogits(train);
        loop.run(train.count(), config.epochs(), config.batch(), config.seed(), 1, new Listener(),
                (order, from, to) -> batch(train, soft, order, from, to), () -> { }, validation, this::accuracy,
                progress);
    }

    private void check(LabeledImages d) {
        if (d.rows() != height || d.cols() != width) {
            throw new ModelException("images are " + d.rows() + "x" + d.cols() + ", the teacher expects " + height
                    + "x" + width);
        }
        if (d.classes() > config.student().classes()) {
            throw new ModelException("labels go up to " + (d.classes() - 1) + " but the models have "
                    + config.student().classes() + " outputs");
        }
    }

    private MultiDataSet batch(LabeledImages d, float[][] teacherLogits, int[] order, int from, int to) {
        int m = to - from;
        int classes = config.student().classes();
        float[] t = new float[m * classes];
        for (int i = 0; i < m; i++) {
            System.arraycopy(teacherLogits[order[from + i]], 0, t, i * classes, classes);
        }
        return new org.nd4j.linalg.dataset.MultiDataSet(
                new INDArray[] {Batches.images(d, order, from, to, height, width)},
                new INDArray[] {Batches.oneHot(d, order, from, to, classes),
                    Nd4j.create(t, new long[] {m, classes}, 'c')});
    }

    /** The student's current weights in TFLite layout. */
    public TrainedCnn result() {
        return DistillNet.result(sd, config.student(), paramNames, height, width);
    }

    /** The training SameDiff graph (tests read the loss from it). */
    SameDiff graph() {
        return sd;
    }

    /**
     * Mean loss and training accuracy of an epoch's batches, computed from the activations of the forward pass
     * each update is computed from (SameDiff does not evaluate the final sum during training): the hard and
     * soft terms from the student's logits and the batch's two label arrays, the feature term from its squared
     * differences.
     */
    private final class Listener extends BatchStats {
        private double batchLoss;

        Listener() {
            super(LOGITS);
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return config.featureLayer() == null ? ListenerVariables.builder().trainingVariables(LOGITS).build()
                    : ListenerVariables.builder().trainingVariables(LOGITS, DistillLoss.FEATURE_SQDIFF).build();
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet batch, long etlMs) {
            batchLoss = 0;
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet batch, Loss loss) {
            addLoss(batchLoss);
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName,
                INDArray activation) {
            if (DistillLoss.FEATURE_SQDIFF.equals(varName)) {
                batchLoss += config.featureWeight() * activation.meanNumber().doubleValue();
            } else if (LOGITS.equals(varName)) {
                float[][] logits = activation.toFloatMatrix();
                float[][] labels = batch.getLabels(0).toFloatMatrix();
                float[][] teacher = batch.getLabels(1).toFloatMatrix();
                double hard = 0;
                double soft = 0;
                double t = config.temperature();
                long right = 0;
                for (int i = 0; i < logits.length; i++) {
                    int truth = CnnTrainer.argMax(labels[i]);
                    right += CnnTrainer.argMax(logits[i]) == truth ? 1 : 0;
                    double[] logQ = logSoftmax(logits[i], 1);
                    hard -= logQ[truth];
                    double[] logQt = logSoftmax(logits[i], t);
                    double[] logPt = logSoftmax(teacher[i], t);
                    for (int k = 0; k < logPt.length; k++) {
                        soft += Math.exp(logPt[k]) * (logPt[k] - logQt[k]);
                    }
                }
                int m = Math.max(1, logits.length);
                batchLoss += (1 - config.alpha()) * hard / m + config.alpha() * t * t * soft / m;
                countPredictions(right, logits.length);
            }
        }
    }

    private static double[] logSoftmax(float[] z, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
            max = Math.max(max, v / temperature);
        }
        double sum = 0;
        for (float v : z) {
            sum += Math.exp(v / temperature - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] / temperature - log;
        }
        return out;
    }
}
