package io.tinyforge.prune;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.Tensor;
import io.tinyforge.train.ArchSpec;
import io.tinyforge.train.TrainedCnn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back the float32 graph that {@code tinyforge train} writes ({@link io.tinyforge.train.CnnGraph}: CONV_2D
 * SAME stride 1 + RELU, 2×2 MAX_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX) as an {@link ArchSpec} and its
 * {@link TrainedCnn} weights, so it can be fine-tuned. Anything else is refused with a one-line reason.
 */
public final class CnnImport {

    private CnnImport() {
    }

    /** The architecture and weights of {@code g}. */
    public static TrainedCnn of(Graph g) {
        if (g.inputs().length != 1 || g.outputs().length != 1) {
            throw bad("it has " + g.inputs().length + " inputs and " + g.outputs().length + " outputs");
        }
        Tensor in = g.tensor(g.inputs()[0]);
        int[] d = in.shape().dims();
        if (in.dtype() != DType.FLOAT32 || d.length != 4 || d[0] != 1 || d[3] != 1) {
            throw bad("the input is " + in.dtype().label() + " " + in.shape() + " (need float32 [1, H, W, 1])");
        }
        List<TrainedCnn.LayerWeights> layers = new ArrayList<>();
        List<String> spec = new ArrayList<>();
        boolean softmax = false;
        for (Operator op : g.operators()) {
            if (softmax) {
                throw bad("operator " + op.index() + " " + op.type() + " follows the SOFTMAX");
            }
            switch (op.type()) {
                case CONV_2D -> {
                    Conv2DOptions o = op.options(Conv2DOptions.class);
                    Tensor w = constant(g, op, 1);
                    int[] s = w.shape().dims();
                    if (o.padding() != Padding.SAME || o.strideH() != 1 || o.strideW() != 1 || o.dilationH() != 1
                            || o.dilationW() != 1 || o.activation() != Activation.RELU || s[1] != s[2]) {
                        throw bad("CONV_2D " + op.index() + " is not a SAME, stride-1, square, RELU convolution");
                    }
                    ArchSpec.Layer l = new ArchSpec.Layer(ArchSpec.Kind.CONV, s[0], s[1]);
                    layers.add(new TrainedCnn.LayerWeights(l, s, floats(w), floats(constant(g, op, 2))));
                    spec.add("c" + s[0] + (s[1] == 3 ? "" : "k" + s[1]));
                }
                case MAX_POOL_2D -> {
                    Pool2DOptions o = op.options(Pool2DOptions.class);
                    if (o.filterH() != 2 || o.filterW() != 2 || o.strideH() != 2 || o.strideW() != 2
                            || o.padding() != Padding.VALID) {
                        throw bad("MAX_POOL_2D " + op.index() + " is not 2x2 stride 2 VALID");
                    }
                    layers.add(new TrainedCnn.LayerWeights(new ArchSpec.Layer(ArchSpec.Kind.POOL, 0, 2), null, null,
                            null));
                    spec.add("p");
                }
                case RESHAPE -> {
                    // the flatten before the first dense layer
                }
                case FULLY_CONNECTED -> {
                    Tensor w = constant(g, op, 1);
                    int[] s = w.shape().dims();
                    layers.add(new TrainedCnn.LayerWeights(new ArchSpec.Layer(ArchSpec.Kind.DENSE, s[0], 0), s,
                            floats(w), floats(constant(g, op, 2))));
                    spec.add("d" + s[0]);
                }
                case SOFTMAX -> softmax = true;
                default -> throw bad("operator " + op.index() + " is " + op.type());
            }
        }
        if (layers.isEmpty()) {
            throw bad("it has no layers");
        }
        ArchSpec arch = ArchSpec.parse(String.join("-", spec));
        List<TrainedCnn.LayerWeights> fixed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            TrainedCnn.LayerWeights lw = layers.get(i);
            fixed.add(new TrainedCnn.LayerWeights(arch.layers().get(i), lw.weightShape(), lw.weights(), lw.bias()));
        }
        return new TrainedCnn(arch, d[1], d[2], 1, fixed);
    }

    private static Tensor constant(Graph g, Operator op, int input) {
        if (op.inputCount() <= input || op.input(input) < 0) {
            throw bad(op.type() + " " + op.index() + " has no input " + input);
        }
        Tensor t = g.tensor(op.input(input));
        if (!t.isConstant() || t.dtype() != DType.FLOAT32) {
            throw bad(op.type() + " " + op.index() + " input " + input + " is not a float32 constant");
        }
        return t;
    }

    private static float[] floats(Tensor t) {
        ByteBuffer bb = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[t.data().length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = bb.getFloat();
        }
        return v;
    }

    private static ModelException bad(String why) {
        return new ModelException("prune needs a float32 CNN written by 'tinyforge train', but " + why);
    }
}
