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
 * Reads a float32 CNN of the shape {@link CnnGraph} writes (CONV_2D SAME stride 1 + RELU, 2×2 MAX_POOL_2D,
 * RESHAPE, FULLY_CONNECTED, SOFTMAX) back into a {@link TrainedCnn} with its {@link ArchSpec}, so a
 * {@code train}ed model can serve as a distillation teacher. Anything else is a one-line {@link ModelException}.
 */
public final class TeacherCnn {

    private TeacherCnn() {
    }

    /** The CNN of {@code g}. */
    public static TrainedCnn of(Graph g) {
        if (g.inputs().length != 1 || g.outputs().length != 1) {
            throw bad("it has " + g.inputs().length + " inputs and " + g.outputs().length + " outputs, not 1 and 1");
        }
        Tensor in = g.tensor(g.inputs()[0]);
        int[] d = in.shape().dims();
        if (in.dtype() != DType.FLOAT32 || d.length != 4 || d[0] != 1) {
            throw bad("its input is " + in.dtype().label() + " " + in.shape() + ", not float32 [1,H,W,C]");
        }
        List<TrainedCnn.LayerWeights> weights = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Operator> ops = g.operators();
        for (int i = 0; i < ops.size(); i++) {
            Operator op = ops.get(i);
            boolean last = i == ops.size() - 1;
            switch (op.type()) {
                case CONV_2D -> {
                    Conv2DOptions o = op.options(Conv2DOptions.class);
                    if (o.padding() != Padding.SAME || o.strideW() != 1 || o.strideH() != 1 || o.dilationW() != 1
                            || o.dilationH() != 1 || o.activation() != Activation.RELU) {
                        throw bad("operator " + i + " is a CONV_2D other than SAME, stride 1, fused RELU");
                    }
                    int[] ws = g.tensor(op.input(1)).shape().dims();
                    if (ws[1] != ws[2]) {
                        throw bad("operator " + i + " has a non-square " + ws[1] + "x" + ws[2] + " filter");
                    }
                    ArchSpec.Layer l = new ArchSpec.Layer(ArchSpec.Kind.CONV, ws[0], ws[1]);
                    tokens.add("c" + ws[0] + (ws[1] == 3 ? "" : "k" + ws[1]));
                    weights.add(new TrainedCnn.LayerWeights(l, ws, floats(g, op.input(1), i),
                            floats(g, op.input(2), i)));
                }
                case MAX_POOL_2D -> {
                    Pool2DOptions o = op.options(Pool2DOptions.class);
                    if (o.padding() != Padding.VALID || o.filterW() != 2 || o.filterH() != 2 || o.strideW() != 2
                            || o.strideH() != 2 || o.activation() != Activation.NONE) {
                        throw bad("operator " + i + " is a MAX_POOL_2D other than 2x2, stride 2, VALID");
                    }
                    ArchSpec.Layer l = new ArchSpec.Layer(ArchSpec.Kind.POOL, 0, 2);
                    tokens.add("p");
                    weights.add(new TrainedCnn.LayerWeights(l, null, null, null));
                }
                case RESHAPE -> {
                    // the flatten before the first dense layer; NHWC C order is what the trainer flattens too
                }
                case FULLY_CONNECTED -> {
                    FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
                    boolean logits = i == ops.size() - 2;
                    if (o.activation() != (logits ? Activation.NONE : Activation.RELU)) {
                        throw bad("operator " + i + " is a FULLY_CONNECTED with " + o.activation()
                                + " (RELU on hidden layers, none before the softmax)");
                    }
                    int[] ws = g.tensor(op.input(1)).shape().dims();
                    if (op.inputCount() < 3 || op.input(2) < 0) {
                        throw bad("operator " + i + " is a FULLY_CONNECTED without bias");
                    }
                    ArchSpec.Layer l = new ArchSpec.Layer(ArchSpec.Kind.DENSE, ws[0], 0);
                    tokens.add("d" + ws[0]);
                    weights.add(new TrainedCnn.LayerWeights(l, ws, floats(g, op.input(1), i),
                            floats(g, op.input(2), i)));
                }
                case SOFTMAX -> {
                    if (!last) {
                        throw bad("operator " + i + " is a SOFTMAX before the end");
                    }
                }
                default -> throw bad("operator " + i + " is " + op.type());
            }
        }
        if (ops.isEmpty() || ops.get(ops.size() - 1).type() != io.tinyforge.ir.OpType.SOFTMAX) {
            throw bad("it does not end with SOFTMAX");
        }
        ArchSpec arch;
        try {
            arch = ArchSpec.parse(String.join("-", tokens));
        } catch (ModelException e) {
            throw bad("its layers " + tokens + " are not an --arch spec");
        }
        return new TrainedCnn(arch, d[1], d[2], d[3], weights);
    }

    private static float[] floats(Graph g, int index, int op) {
        Tensor t = g.tensor(index);
        if (t.dtype() != DType.FLOAT32 || !t.isConstant()) {
            throw bad("operator " + op + " has " + (t.isConstant() ? t.dtype().label() : "non-constant")
                    + " weights '" + t.name() + "' (need float32 constants)");
        }
        ByteBuffer bb = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[(int) t.shape().elements()];
        for (int i = 0; i < v.length; i++) {
            v[i] = bb.getFloat(4 * i);
        }
        return v;
    }

    private static ModelException bad(String why) {
        return new ModelException("the teacher must be a float32 CNN as 'tinyforge train' writes it (conv/pool/dense"
                + ", softmax), but " + why);
    }
}
