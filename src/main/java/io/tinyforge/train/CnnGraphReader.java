package io.tinyforge.train;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The inverse of {@link CnnGraph}: recovers the {@link ArchSpec} and float weights of a float32 graph that has
 * the shape {@code train} exports (CONV_2D SAME stride 1 + RELU, MAX_POOL_2D 2×2/2 VALID, one RESHAPE before
 * the first FULLY_CONNECTED, FULLY_CONNECTED with RELU except the last, SOFTMAX), so that the fine-tuning
 * passes (QAT, clustering fine-tuning, pruning) can continue training it and distillation can use it as the
 * teacher. Anything else is a one-line
 * {@link ModelException} naming the operator that does not fit.
 */
public final class CnnGraphReader {

    private CnnGraphReader() {
    }

    /** The CNN of {@code g}; {@code command} names the caller in error messages. */
    public static TrainedCnn read(Graph g, String command) {
        if (g.inputs().length != 1 || g.outputs().length != 1) {
            throw unsupported(command, "it has " + g.inputs().length + " inputs and " + g.outputs().length
                    + " outputs (need 1 and 1)");
        }
        Tensor in = g.tensor(g.inputs()[0]);
        int[] d = in.shape().dims();
        if (in.dtype() != DType.FLOAT32 || d.length != 4 || d[0] != 1 || d[3] != 1) {
            throw unsupported(command, "its input is " + in.dtype().label() + " " + in.shape()
                    + ", not a float32 [1, H, W, 1] image");
        }
        List<TrainedCnn.LayerWeights> layers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Operator> ops = g.operators();
        int h = d[1];
        int w = d[2];
        int ch = 1;
        boolean dense = false;
        for (int i = 0; i < ops.size(); i++) {
            Operator op = ops.get(i);
            switch (op.type()) {
                case CONV_2D -> {
                    Conv2DOptions o = op.options(Conv2DOptions.class);
                    Tensor wt = weights(g, op, command);
                    int[] s = wt.shape().dims();
                    if (dense || o.padding() != Padding.SAME || o.strideW() != 1 || o.strideH() != 1
                            || o.dilationW() != 1 || o.dilationH() != 1 || o.activation() != Activation.RELU
                            || s.length != 4 || s[1] != s[2] || s[3] != ch) {
                        throw unsupported(command, name(op) + " is not a SAME, stride-1, square-kernel convolution"
                                + " with fused RELU after the input or a pool");
                    }
                    tokens.add(s[1] == 3 ? "c" + s[0] : "c" + s[0] + "k" + s[1]);
                    ArchSpec.Layer l = new ArchSpec.Layer(ArchSpec.Kind.CONV, s[0], s[1]);
                    layers.add(new TrainedCnn.LayerWeights(l, s, floats(wt), bias(g, op, s[0], command)));
                    ch = s[0];
                }
                case MAX_POOL_2D -> {
                    Pool2DOptions o = op.options(Pool2DOptions.class);
                    if (dense || o.padding() != Padding.VALID || o.strideW() != 2 || o.strideH() != 2
                            || o.filterW() != 2 || o.filterH() != 2 || o.activation() != Activation.NONE) {
                        throw unsupported(command, name(op) + " is not a 2x2, stride-2, VALID max pool");
                    }
                    tokens.add("p");
                    layers.add(new TrainedCnn.LayerWeights(new ArchSpec.Layer(ArchSpec.Kind.POOL, 0, 2), null, null,
                            null));
                    h /= 2;
                    w /= 2;
                }
                case RESHAPE -> {
                    if (dense) {
                        throw unsupported(command, name(op) + " follows a dense layer");
                    }
                }
                case FULLY_CONNECTED -> {
                    FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
                    Tensor wt = weights(g, op, command);
                    int[] s = wt.shape().dims();
                    boolean last = i + 1 < ops.size() && ops.get(i + 1).type() == io.tinyforge.ir.OpType.SOFTMAX
                            && i + 2 == ops.size();
                    int inputs = dense ? ch : h * w * ch;
                    if (s.length != 2 || s[1] != inputs || o.activation() != (last ? Activation.NONE : Activation.RELU)) {
                        throw unsupported(command, name(op) + " is not a dense layer of " + inputs + " inputs with "
                                + (last ? "no activation (logits)" : "fused RELU"));
                    }
                    tokens.add("d" + s[0]);
                    layers.add(new TrainedCnn.LayerWeights(new ArchSpec.Layer(ArchSpec.Kind.DENSE, s[0], 0), s,
                            floats(wt), bias(g, op, s[0], command)));
                    dense = true;
                    ch = s[0];
                }
                case SOFTMAX -> {
                    if (i != ops.size() - 1 || !dense) {
                        throw unsupported(command, name(op) + " is not the last operator after the logits");
                    }
                }
                default -> throw unsupported(command, name(op) + " is not part of a train-style CNN");
            }
        }
        if (!dense || ops.get(ops.size() - 1).type() != io.tinyforge.ir.OpType.SOFTMAX) {
            throw unsupported(command, "it does not end in FULLY_CONNECTED + SOFTMAX");
        }
        ArchSpec arch;
        try {
            arch = ArchSpec.parse(String.join("-", tokens));
        } catch (ModelException e) {
            throw unsupported(command, "its layers " + tokens + " are not an --arch spec");
        }
        return new TrainedCnn(arch, d[1], d[2], 1, layers);
    }

    private static Tensor weights(Graph g, Operator op, String command) {
        Tensor t = g.tensor(op.input(1));
        if (!t.isConstant() || t.dtype() != DType.FLOAT32) {
            throw unsupported(command, name(op) + " has " + (t.isConstant() ? t.dtype().label() : "non-constant")
                    + " weights '" + t.name() + "', not float32 constants (is the model already quantized?)");
        }
        return t;
    }

    private static float[] bias(Graph g, Operator op, int units, String command) {
        if (op.input(2) < 0) {
            return new float[units];
        }
        Tensor t = g.tensor(op.input(2));
        if (!t.isConstant() || t.dtype() != DType.FLOAT32 || t.shape().elements() != units) {
            throw unsupported(command, name(op) + " has a bias '" + t.name() + "' of " + t.dtype().label() + " "
                    + t.shape() + ", not a float32 constant [" + units + "]");
        }
        return floats(t);
    }

    private static float[] floats(Tensor t) {
        ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) t.shape().elements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat(4 * i);
        }
        return v;
    }

    private static String name(Operator op) {
        return "operator " + op.index() + " (" + op.type() + ")";
    }

    private static ModelException unsupported(String command, String why) {
        return new ModelException(command + " needs a float32 CNN written by `tinyforge train`: " + why);
    }
}
