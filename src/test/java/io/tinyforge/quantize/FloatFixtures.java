package io.tinyforge.quantize;

import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SoftmaxOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Small float32 graphs (seeded random weights) for quantizer tests that need no shared models. */
final class FloatFixtures {
    private FloatFixtures() {
    }

    private static byte[] floats(Random r, int n, float amp) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat((float) (r.nextGaussian() * amp));
        }
        return b.array();
    }

    /**
     * input [1,8,8,2] → CONV_2D 3x3 SAME (4) → RELU6 (separate op, fusable) → DEPTHWISE 3x3 stride 2 VALID →
     * AVERAGE_POOL 3x3 → RESHAPE [1,4] → FULLY_CONNECTED (3) → SOFTMAX.
     */
    static Graph smallCnn() {
        Random r = new Random(42);
        GraphBuilder b = new GraphBuilder("small_cnn_f32");
        int in = b.tensor("input", Shape.of(1, 8, 8, 2), DType.FLOAT32, null);
        int w1 = b.constant("conv_w", Shape.of(4, 3, 3, 2), DType.FLOAT32, null, floats(r, 72, 0.4f));
        int b1 = b.constant("conv_b", Shape.of(4), DType.FLOAT32, null, floats(r, 4, 0.1f));
        int c1 = b.tensor("conv_out", Shape.of(1, 8, 8, 4), DType.FLOAT32, null);
        int r1 = b.tensor("relu6_out", Shape.of(1, 8, 8, 4), DType.FLOAT32, null);
        int w2 = b.constant("dw_w", Shape.of(1, 3, 3, 4), DType.FLOAT32, null, floats(r, 36, 0.5f));
        int b2 = b.constant("dw_b", Shape.of(4), DType.FLOAT32, null, floats(r, 4, 0.1f));
        int d2 = b.tensor("dw_out", Shape.of(1, 3, 3, 4), DType.FLOAT32, null);
        int p = b.tensor("pool_out", Shape.of(1, 1, 1, 4), DType.FLOAT32, null);
        int shape = b.constInt32("shape", Shape.of(2), null, 1, 4);
        int rs = b.tensor("flat", Shape.of(1, 4), DType.FLOAT32, null);
        int w3 = b.constant("fc_w", Shape.of(3, 4), DType.FLOAT32, null, floats(r, 12, 0.8f));
        int b3 = b.constant("fc_b", Shape.of(3), DType.FLOAT32, null, floats(r, 3, 0.1f));
        int f = b.tensor("logits", Shape.of(1, 3), DType.FLOAT32, null);
        int sm = b.tensor("probs", Shape.of(1, 3), DType.FLOAT32, null);
        b.op(OpType.CONV_2D, new Conv2DOptions(Padding.SAME, 1, 1, 1, 1, Activation.NONE), new int[] {in, w1, b1},
                new int[] {c1});
        b.op(OpType.RELU6, NoOptions.INSTANCE, new int[] {c1}, new int[] {r1});
        b.op(OpType.DEPTHWISE_CONV_2D, new DepthwiseConv2DOptions(Padding.VALID, 2, 2, 1, 1, 1, Activation.NONE),
                new int[] {r1, w2, b2}, new int[] {d2});
        b.op(OpType.AVERAGE_POOL_2D, new Pool2DOptions(Padding.VALID, 3, 3, 3, 3, Activation.NONE), new int[] {d2},
                new int[] {p});
        b.op(OpType.RESHAPE, new ReshapeOptions(new int[] {1, 4}), new int[] {p, shape}, new int[] {rs});
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.NONE, false, false),
                new int[] {rs, w3, b3}, new int[] {f});
        b.op(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {f}, new int[] {sm});
        return b.inputs(in).outputs(sm).build();
    }
}
