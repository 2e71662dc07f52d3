package io.tinyforge.cluster;

import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** A small float32 graph with all three clusterable operators (seeded Gaussian weights), for codebook tests. */
public final class FloatCodebookFixture {
    private FloatCodebookFixture() {
    }

    private static byte[] gaussian(Random r, int n, double amp) {
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putFloat((float) (r.nextGaussian() * amp));
        }
        return b.array();
    }

    /** input [1,6,6,2] → CONV_2D 3×3 SAME 8 + ReLU → DEPTHWISE 3×3 VALID → RESHAPE [1,128] → FC 5. */
    public static Graph convDepthwiseFc() {
        Random r = new Random(7);
        GraphBuilder b = new GraphBuilder("cb_f32");
        int in = b.tensor("input", Shape.of(1, 6, 6, 2), DType.FLOAT32, null);
        int w1 = b.constant("conv_w", Shape.of(8, 3, 3, 2), DType.FLOAT32, null, gaussian(r, 144, 0.4));
        int b1 = b.constant("conv_b", Shape.of(8), DType.FLOAT32, null, gaussian(r, 8, 0.1));
        int c1 = b.tensor("conv_out", Shape.of(1, 6, 6, 8), DType.FLOAT32, null);
        int w2 = b.constant("dw_w", Shape.of(1, 3, 3, 8), DType.FLOAT32, null, gaussian(r, 72, 0.5));
        int b2 = b.constant("dw_b", Shape.of(8), DType.FLOAT32, null, gaussian(r, 8, 0.1));
        int d2 = b.tensor("dw_out", Shape.of(1, 4, 4, 8), DType.FLOAT32, null);
        int shape = b.constInt32("shape", Shape.of(2), null, 1, 128);
        int flat = b.tensor("flat", Shape.of(1, 128), DType.FLOAT32, null);
        int w3 = b.constant("fc_w", Shape.of(5, 128), DType.FLOAT32, null, gaussian(r, 640, 0.2));
        int b3 = b.constant("fc_b", Shape.of(5), DType.FLOAT32, null, gaussian(r, 5, 0.1));
        int out = b.tensor("logits", Shape.of(1, 5), DType.FLOAT32, null);
        b.op(OpType.CONV_2D, new Conv2DOptions(Padding.SAME, 1, 1, 1, 1, Activation.RELU), new int[] {in, w1, b1},
                new int[] {c1});
        b.op(OpType.DEPTHWISE_CONV_2D, new DepthwiseConv2DOptions(Padding.VALID, 1, 1, 1, 1, 1, Activation.NONE),
                new int[] {c1, w2, b2}, new int[] {d2});
        b.op(OpType.RESHAPE, new ReshapeOptions(new int[] {1, 128}), new int[] {d2, shape}, new int[] {flat});
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.NONE, false, false),
                new int[] {flat, w3, b3}, new int[] {out});
        return b.inputs(in).outputs(out).build();
    }
}
