package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.ModelException;
import io.tinyforge.quantize.Affine;
import io.tinyforge.quantize.QuantRules;
import io.tinyforge.quantize.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Quantization-aware fine-tuning of a trained {@link TrainedCnn} with ND4J SameDiff. The forward pass simulates
 * the int8 model {@link io.tinyforge.quantize.FullIntegerQuantizer} will build:
 * <ul>
 * <li>weights are fake-quantized symmetric per output channel (scale max|w|/127, round half away from zero,
 * [-127, 127]) exactly as the converter will quantize them; the rounding error is a constant per step
 * ({@code w + (q(w) - w)}, recomputed in Java after every update), so the gradient reaches {@code w} unchanged
 * (straight-through estimator);</li>
 * <li>the input and the output of every conv/dense layer (after its fused ReLU) are fake-quantized asymmetric
 * int8 with the scale and zero point {@link QuantRules#asymmetric} gives for the tracked range: {@code a +
 * stopGradient(dq(a) - a)}, again a straight-through estimator; max pooling and reshape keep their input's
 * quantization as in the int8 model, so they need none;</li>
 * <li>each range starts at the min/max over calibration images and then follows an exponential moving average
 * of the per-batch min/max ({@code emaDecay});</li>
 * <li>biases stay float (the converter stores them as int32 at scale s_in·s_w, a negligible error);</li>
 * <li>with {@code keepZeros}, weights that are exactly zero in the starting model (e.g. pruned) stay zero.</li>
 * </ul>
 * The course CNNs have no batch normalisation (train exports none and a .tflite carries BN only already folded
 * into the conv weights and bias), so there is nothing to fold here.
 */
public final class QatTrainer {

    /** Hyper-parameters of the fine-tuning. */
    public record Config(int epochs, int batch, double learningRate, long seed, double emaDecay, boolean keepZeros) {
        public Config {
            if (epochs < 0 || batch < 1 || !(learningRate > 0) || !(emaDecay >= 0 && emaDecay < 1)) {
                throw new ModelException("bad QAT settings: epochs " + epochs + ", batch " + batch + ", lr "
                        + learningRate + ", ema decay " + emaDecay
                        + " (need epochs >= 0, batch >= 1, lr > 0, 0 <= decay < 1)");
            }
        }
    }

    private static final String INPUT = "input";
    private static final String LABEL = "label";
    private static final String LOGITS = "logits";

    private final TrainedCnn start;
    private final Config config;
    private final SameDiff sd;
    /** Per layer: {weights, bias, weight delta} variable names, null for pools. */
    private final List<String[]> params = new ArrayList<>();
    /** Per layer: its zero mask (1 keeps, 0 pins to zero), null when not masking or for pools. */
    private final List<float[]> masks = new ArrayList<>();
    /** Quantization points: the pre-quantization variable, the graph tensor it becomes and its range. */
    private final List<QuantPoint> points = new ArrayList<>();
    private final EpochLoop loop;

    private static final class QuantPoint {
        final String pre;
        final String tensor;
        final String scale;
        final String zero;
        float min;
        float max;
        boolean tracked;

        QuantPoint(String pre, String tensor, boolean tracked) {
            this.pre = pre;
            this.tensor = tensor;
            this.scale = pre + "_scale";
            this.zero = pre + "_zp";
            this.tracked = tracked;
        }
    }

    /**
     * A trainer starting from {@code start}; {@code initialRanges} (by {@link CnnGraph} tensor name) seeds the
     * activation ranges, usually the min/max over some training images.
     */
    public QatTrainer(TrainedCnn start, Config config, Map<String, Range> initialRanges) {
        if (start.channels() != 1) {
            throw new ModelException("QAT supports single-channel images, the model has " + start.channels());
        }
        this.start = start;
        this.config = config;
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.getRandom().setSeed(config.seed());
        this.sd = build(initialRanges);
        this.loop = new EpochLoop(sd);
        refreshQuantization();
    }

    /** The {@link CnnGraph} tensor names that carry a QAT-tracked range (input and every conv/dense output). */
    public static List<String> rangeTensors(TrainedCnn cnn) {
        List<String> r = new ArrayList<>();
        r.add("input");
        List<TrainedCnn.LayerWeights> layers = cnn.layers();
        for (int i = 0; i < layers.size(); i++) {
            String n = layerTensor(layers, i);
            if (n != null) {
                r.add(n);
            }
        }
        return r;
    }

    private static String layerTensor(List<TrainedCnn.LayerWeights> layers, int i) {
        ArchSpec.Layer l = layers.get(i).layer();
        boolean last = i == layers.size() - 1;
        return switch (l.kind()) {
            case CONV -> "l" + i + "_conv_relu";
            case DENSE -> "l" + i + (last ? "_logits" : "_dense_relu");
            default -> null;
        };
    }

    private SameDiff build(Map<String, Range> initialRanges) {
        SameDiff s = SameDiff.create();
        int classes = start.arch().classes();
        SDVariable x = s.placeHolder(INPUT, DataType.FLOAT, -1, start.height(), start.width(), 1);
        SDVariable y = s.placeHolder(LABEL, DataType.FLOAT, -1, classes);
        SDVariable in = fakeQuant(s, x, INPUT, "input", initialRanges, false);
        List<TrainedCnn.LayerWeights> layers = start.layers();
        for (int i = 0; i < layers.size(); i++) {
            params.add(null);
            masks.add(null);
        }
        SDVariable logits = DistillNet.fineTune(s, in, start,
                (i, fanIn, shape) -> weightVariable(s, i, DistillNet.trainerLayout(layers.get(i))),
                (i, a) -> fakeQuant(s, a, "a" + i, layerTensor(layers, i), initialRanges, true)).logits();
        s.loss().softmaxCrossEntropy("loss", y, logits, null);
        s.setLossVariables("loss");
        s.setTrainingConfig(TrainingConfig.builder().updater(new Adam(config.learningRate()))
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABEL).build());
        return s;
    }

    /** The weight variable {@code w<i>} plus its constant rounding error: the fake-quantized weights. */
    private SDVariable weightVariable(SameDiff s, int i, INDArray init) {
        String name = "w" + i;
        SDVariable wv = s.var(name, init);
        SDVariable delta = s.constant(name + "_qdelta", Nd4j.zeros(DataType.FLOAT, init.shape()));
        params.set(i, new String[] {name, "b" + i, name + "_qdelta"});
        if (config.keepZeros()) {
            float[] v = init.reshape(init.length()).toFloatVector();
            float[] m = new float[v.length];
            for (int j = 0; j < v.length; j++) {
                m[j] = v[j] == 0f ? 0f : 1f;
            }
            masks.set(i, m);
        }
        return wv.add(name + "_fq", delta);
    }

    /** {@code a + stopGradient(dequantize(quantize(a)) - a)} with the point's scale and zero point constants. */
    private SDVariable fakeQuant(SameDiff s, SDVariable a, String pre, String tensor, Map<String, Range> ranges,
            boolean tracked) {
        Range r = ranges.get(tensor);
        if (r == null) {
            throw new IllegalArgumentException("no initial range for " + tensor);
        }
        if (tracked) {
            a = a.rename(pre);
        }
        QuantPoint p = new QuantPoint(pre, tensor, tracked);
        p.min = r.min();
        p.max = r.max();
        points.add(p);
        SDVariable scale = s.constant(p.scale, Nd4j.scalar(1f));
        SDVariable zero = s.constant(p.zero, Nd4j.scalar(0f));
        SDVariable q = s.math().clipByValue(s.math().round(a.div(scale)).add(zero), -128, 127);
        SDVariable dq = q.sub(zero).mul(scale);
        SDVariable err = new StopGradient(s, dq.sub(a)).outputVariable();
        return a.add(pre + "_fq", err);
    }

    /** Recomputes the weight rounding errors, re-pins masked zeros and sets every point's scale and zero point. */
    private void refreshQuantization() {
        for (int i = 0; i < params.size(); i++) {
            String[] names = params.get(i);
            if (names == null) {
                continue;
            }
            INDArray w = sd.getVariable(names[0]).getArr();
            float[] v = w.dup('c').reshape(w.length()).toFloatVector();
            float[] m = masks.get(i);
            if (m != null) {
                for (int j = 0; j < v.length; j++) {
                    v[j] = m[j] == 0f ? 0f : v[j]; // +0, as the input model stores it
                }
                w.assign(Nd4j.create(v, w.shape(), 'c'));
            }
            int channels = (int) w.size(w.rank() - 1);
            float[] delta = weightRoundingError(v, channels);
            sd.getVariable(names[2]).getArr().assign(Nd4j.create(delta, w.shape(), 'c'));
        }
        for (QuantPoint p : points) {
            Affine a = QuantRules.asymmetric(p.min, p.max);
            sd.getVariable(p.scale).getArr().assign(a.scale());
            sd.getVariable(p.zero).getArr().assign(a.zeroPoint());
        }
    }

    /**
     * q(w) - w for weights whose output channel is the innermost axis ({@code channels} of them), with the
     * converter's per-channel symmetric int8 rule.
     */
    static float[] weightRoundingError(float[] w, int channels) {
        float[] maxAbs = new float[channels];
        for (int i = 0; i < w.length; i++) {
            maxAbs[i % channels] = Math.max(maxAbs[i % channels], Math.abs(w[i]));
        }
        float[] scale = new float[channels];
        float[] inv = new float[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = QuantRules.symmetricScale(maxAbs[c]);
            inv[c] = 1f / scale[c];
        }
        float[] d = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            int c = i % channels;
            float x = w[i] * inv[c];
            float q = (float) Math.copySign(Math.floor(Math.abs((double) x) + 0.5), x);
            q = Math.max(-127f, Math.min(127f, q));
            d[i] = q * scale[c] - w[i];
        }
        return d;
    }

    /** Fine-tunes for {@code config.epochs()} epochs; {@code validation} (nullable) is scored per epoch. */
    public void train(LabeledImages train, LabeledImages validation, TrainProgress progress) {
        check(train);
        int classes = start.arch().classes();
        loop.run(train.count(), config.epochs(), config.batch(), config.seed(), 7, new RangeListener(),
                (order, from, to) -> Batches.labeled(train, order, from, to, start.height(), start.width(), classes),
                this::refreshQuantization, validation, this::accuracy, progress);
    }

    private void check(LabeledImages d) {
        if (d.rows() != start.height() || d.cols() != start.width()) {
            throw new ModelException("images are " + d.rows() + "x" + d.cols() + ", the model expects "
                    + start.height() + "x" + start.width());
        }
        if (d.classes() > start.arch().classes()) {
            throw new ModelException("labels go up to " + (d.classes() - 1) + " but the model has "
                    + start.arch().classes() + " outputs");
        }
    }

    /** The fraction of {@code d} the fake-quantized network classifies correctly. */
    public double accuracy(LabeledImages d) {
        check(d);
        return Batches.accuracy(Batches.rows(sd, INPUT, LOGITS, d, start.height(), start.width()), d);
    }

    /** The current float weights (before fake quantization) in TFLite layout. */
    public TrainedCnn result() {
        List<TrainedCnn.LayerWeights> out = new ArrayList<>();
        List<TrainedCnn.LayerWeights> layers = start.layers();
        for (int i = 0; i < layers.size(); i++) {
            ArchSpec.Layer l = layers.get(i).layer();
            String[] names = params.get(i);
            if (names == null) {
                out.add(layers.get(i));
                continue;
            }
            INDArray w = sd.getVariable(names[0]).getArr();
            INDArray b = sd.getVariable(names[1]).getArr();
            INDArray t = (l.kind() == ArchSpec.Kind.CONV ? w.permute(3, 0, 1, 2) : w.transpose()).dup('c');
            out.add(new TrainedCnn.LayerWeights(l, layers.get(i).weightShape(), t.reshape(t.length()).toFloatVector(),
                    b.reshape(b.length()).toFloatVector()));
        }
        return new TrainedCnn(start.arch(), start.height(), start.width(), 1, out);
    }

    /** The tracked activation ranges by {@link CnnGraph} tensor name (the QAT-learned ranges). */
    public Map<String, Range> ranges() {
        Map<String, Range> r = new LinkedHashMap<>();
        for (QuantPoint p : points) {
            r.put(p.tensor, new Range(p.min, p.max));
        }
        return r;
    }

    /** Updates each tracked range with the EMA of the batch min/max; collects loss and accuracy. */
    private final class RangeListener extends BatchStats {

        RangeListener() {
            super(LOGITS);
        }

        @Override
        List<String> watched() {
            List<String> names = new ArrayList<>();
            for (QuantPoint p : points) {
                if (p.tracked) {
                    names.add(p.pre);
                }
            }
            return names;
        }

        @Override
        void activation(String varName, INDArray activation) {
            for (QuantPoint p : points) {
                if (p.tracked && p.pre.equals(varName)) {
                    double d = config.emaDecay();
                    float lo = activation.minNumber().floatValue();
                    float hi = activation.maxNumber().floatValue();
                    p.min = (float) (d * p.min + (1 - d) * lo);
                    p.max = (float) (d * p.max + (1 - d) * hi);
                }
            }
        }
    }
}
