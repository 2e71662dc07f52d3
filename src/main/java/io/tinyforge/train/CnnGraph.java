package io.tinyforge.train;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SoftmaxOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The float32 TFLite graph of a {@link TrainedCnn}, batch 1, NHWC: CONV_2D (SAME, fused RELU, OHWI filters),
 * MAX_POOL_2D (2×2, stride 2, VALID), RESHAPE to {@code [1, features]} before the first dense layer,
 * FULLY_CONNECTED (fused RELU except the last) and SOFTMAX (beta 1) on the logits.
 */
public final class CnnGraph {

    private CnnGraph() {
    }

    /** The graph, named {@code name}. */
    public static Graph of(TrainedCnn cnn, String name) {
        GraphBuilder b = new GraphBuilder(name);
        int h = cnn.height();
        int w = cnn.width();
        int ch = cnn.channels();
        int cur = b.tensor("input", Shape.of(1, h, w, ch), DType.FLOAT32, null);
        int input = cur;
        boolean flat = false;
        List<TrainedCnn.LayerWeights> layers = cnn.layers();
        for (int i = 0; i < layers.size(); i++) {
            TrainedCnn.LayerWeights lw = layers.get(i);
            ArchSpec.Layer l = lw.layer();
            boolean last = i == layers.size() - 1;
            String p = "l" + i + "_";
            switch (l.kind()) {
                case CONV -> {
                    int wt = b.constant(p + "conv_filter", Shape.of(lw.weightShape()), DType.FLOAT32, null,
                            floats(lw.weights()));
                    int bt = b.constant(p + "conv_bias", Shape.of(l.units()), DType.FLOAT32, null, floats(lw.bias()));
                    int out = b.tensor(p + "conv_relu", Shape.of(1, h, w, l.units()), DType.FLOAT32, null);
                    b.op(OpType.CONV_2D, new Conv2DOptions(Padding.SAME, 1, 1, 1, 1, Activation.RELU),
                            new int[] {cur, wt, bt}, new int[] {out});
                    cur = out;
                    ch = l.units();
                }
                case POOL -> {
                    h /= 2;
                    w /= 2;
                    int out = b.tensor(p + "maxpool", Shape.of(1, h, w, ch), DType.FLOAT32, null);
                    b.op(OpType.MAX_POOL_2D, new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
                            new int[] {cur}, new int[] {out});
                    cur = out;
                }
                case DENSE -> {
                    if (!flat) {
                        int features = h * w * ch;
                        int shape = b.constInt32(p + "flatten_shape", Shape.of(2), null, 1, features);
                        int out = b.tensor(p + "flatten", Shape.of(1, features), DType.FLOAT32, null);
                        b.op(OpType.RESHAPE, new ReshapeOptions(new int[] {1, features}), new int[] {cur, shape},
                                new int[] {out});
                        cur = out;
                        flat = true;
                    }
                    int wt = b.constant(p + "dense_weights", Shape.of(lw.weightShape()), DType.FLOAT32, null,
                            floats(lw.weights()));
                    int bt = b.constant(p + "dense_bias", Shape.of(l.units()), DType.FLOAT32, null, floats(lw.bias()));
                    int out = b.tensor(p + (last ? "logits" : "dense_relu"), Shape.of(1, l.units()), DType.FLOAT32,
                            null);
                    b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(last ? Activation.NONE : Activation.RELU,
                            false, false), new int[] {cur, wt, bt}, new int[] {out});
                    cur = out;
                }
                default -> throw new IllegalStateException();
            }
        }
        int probs = b.tensor("probabilities", Shape.of(1, cnn.arch().classes()), DType.FLOAT32, null);
        b.op(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {cur}, new int[] {probs});
        return b.inputs(input).outputs(probs).build();
    }

    /** The .tflite bytes of the graph. */
    public static byte[] tflite(TrainedCnn cnn, String name) {
        return TfliteWriter.write(of(cnn, name));
    }

    private static byte[] floats(float[] v) {
        ByteBuffer bb = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            bb.putFloat(f);
        }
        return bb.array();
    }
}
