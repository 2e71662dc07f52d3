package io.tinyforge.train;

import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.ModelException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One {@link ArchSpec} CNN's forward pass inside a SameDiff graph, NHWC with YXIO filters: either a trainable
 * network (variables {@code <prefix>w<i>}, {@code <prefix>b<i>}, He uniform from
 * {@code SplitMix64(seed ^ 0x5eedc0de)}, zero biases; {@link CnnTrainer}'s and the distillation student) or a
 * frozen teacher (constants from a {@link TrainedCnn}). Every layer's output is kept under its
 * {@link FeatureLayers} name.
 */
final class DistillNet {

    private final ArchSpec arch;
    private final Map<String, SDVariable> features = new LinkedHashMap<>();
    private final List<String[]> paramNames = new ArrayList<>();

    private DistillNet(ArchSpec arch) {
        this.arch = arch;
    }

    /** A trainable student on input {@code x} ({@code [-1, h, w, 1]}). */
    static DistillNet student(SameDiff s, SDVariable x, ArchSpec arch, int h, int w, long seed, String prefix) {
        SplitMix64 rng = new SplitMix64(seed ^ 0x5eed_c0deL);
        DistillNet n = new DistillNet(arch);
        n.build(s, x, h, w, Integer.MAX_VALUE, (i, fanIn, shape) -> s.var(prefix + "w" + i, heUniform(rng, fanIn,
                shape)), (i, units) -> s.var(prefix + "b" + i, Nd4j.zeros(DataType.FLOAT, units)), (i, a) -> a, prefix);
        return n;
    }

    /** A frozen teacher on input {@code x}, built up to and including layer index {@code lastLayer}. */
    static DistillNet teacher(SameDiff s, SDVariable x, TrainedCnn cnn, int lastLayer, String prefix) {
        DistillNet n = new DistillNet(cnn.arch());
        n.build(s, x, cnn.height(), cnn.width(), lastLayer,
                (i, fanIn, shape) -> s.constant(prefix + "w" + i, trainerLayout(cnn.layers().get(i))),
                (i, units) -> s.constant(prefix + "b" + i, Nd4j.create(cnn.layers().get(i).bias(),
                        new long[] {units}, 'c')), (i, a) -> a, prefix);
        return n;
    }

    /**
     * The fine-tuning passes' network on input {@code x} ({@code [-1, h, w, 1]}), shaped like {@code cnn}: its
     * weight variables come from {@code weights} (in the trainer's layout), its biases are variables
     * {@code b<i>} starting at {@code cnn}'s, and {@code output} may replace every conv/dense layer's output
     * (after its ReLU, if any) before the next layer sees it. The logits are named {@code logits}.
     */
    static DistillNet fineTune(SameDiff s, SDVariable x, TrainedCnn cnn, Weights weights, Output output) {
        DistillNet n = new DistillNet(cnn.arch());
        n.build(s, x, cnn.height(), cnn.width(), Integer.MAX_VALUE, weights,
                (i, units) -> s.var("b" + i, Nd4j.create(cnn.layers().get(i).bias().clone(), new long[] {units}, 'c')),
                output, "");
        return n;
    }

    /** Makes the weight variable of spec layer {@code layer} ({@code shape}: YXIO or [inputs, units]). */
    interface Weights {
        SDVariable make(int layer, int fanIn, int... shape);
    }

    private interface Bias {
        SDVariable make(int layer, int units);
    }

    /** What the next layer sees of the output {@code a} of conv/dense layer {@code layer}. */
    interface Output {
        SDVariable of(int layer, SDVariable a);
    }

    private void build(SameDiff s, SDVariable x, int height, int width, int lastLayer, Weights weights, Bias bias,
            Output output, String prefix) {
        SDVariable cur = x;
        int h = height;
        int w = width;
        int ch = 1;
        boolean flat = false;
        List<ArchSpec.Layer> layers = arch.layers();
        List<FeatureLayers.Feature> names = FeatureLayers.of(arch, height, width);
        for (int i = 0; i < layers.size() && i <= lastLayer; i++) {
            ArchSpec.Layer l = layers.get(i);
            boolean last = i == layers.size() - 1;
            switch (l.kind()) {
                case CONV -> {
                    int k = l.kernel();
                    SDVariable wv = weights.make(i, k * k * ch, k, k, ch, l.units());
                    SDVariable bv = bias.make(i, l.units());
                    paramNames.add(new String[] {wv.name(), bv.name()});
                    Conv2DConfig cc = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1)
                            .paddingMode(PaddingMode.SAME).dataFormat("NHWC").build();
                    cur = output.of(i, s.nn().relu(s.cnn().conv2d(cur, wv, bv, cc), 0));
                    ch = l.units();
                }
                case POOL -> {
                    if (h < 2 || w < 2) {
                        throw new ModelException("bad --arch '" + arch + "': pool " + (i + 1) + " on a " + h + "x" + w
                                + " feature map");
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
                    SDVariable wv = weights.make(i, in, in, l.units());
                    SDVariable bv = bias.make(i, l.units());
                    paramNames.add(new String[] {wv.name(), bv.name()});
                    SDVariable a = cur.mmul(wv).add(bv);
                    if (!last) {
                        a = s.nn().relu(a, 0);
                    }
                    cur = output.of(i, a);
                    ch = l.units();
                }
                default -> throw new IllegalStateException();
            }
            features.put(names.get(i).name(), cur);
        }
        if (features.containsKey("logits")) {
            cur.rename(prefix + "logits");
        }
    }

    /** The output of the layer with this {@link FeatureLayers} name (null if not built). */
    SDVariable feature(String name) {
        return features.get(name);
    }

    /** The logits (only when the whole net was built). */
    SDVariable logits() {
        return features.get("logits");
    }

    /** Per spec layer, the names of its weight and bias variables; null for a pool. */
    List<String[]> paramNames() {
        return paramNames;
    }

    /** TFLite layout (OHWI filters, [units, inputs]) to the trainer's (YXIO, [inputs, units]). */
    static INDArray trainerLayout(TrainedCnn.LayerWeights lw) {
        int[] s = lw.weightShape();
        long[] shape = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = s[i];
        }
        INDArray t = Nd4j.create(lw.weights(), shape, 'c');
        t = lw.layer().kind() == ArchSpec.Kind.CONV ? t.permute(1, 2, 3, 0) : t.transpose();
        return t.dup('c');
    }

    /** The trainer's layout back to TFLite's ({@link CnnTrainer#result()}, the distillation student). */
    static TrainedCnn result(SameDiff sd, ArchSpec arch, List<String[]> paramNames, int height, int width) {
        List<TrainedCnn.LayerWeights> out = new ArrayList<>();
        List<ArchSpec.Layer> layers = arch.layers();
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
        return new TrainedCnn(arch, height, width, 1, out);
    }

    static INDArray heUniform(SplitMix64 rng, int fanIn, int... shape) {
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
}
