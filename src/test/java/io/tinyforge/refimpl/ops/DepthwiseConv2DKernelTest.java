package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import org.junit.jupiter.api.Test;

/** Hand-checked DEPTHWISE_CONV_2D cases; the expected values are worked out in the comments. */
class DepthwiseConv2DKernelTest {

    private static DepthwiseConv2DOptions opts(Padding p, int stride, int dm, int dilation, Activation a) {
        return new DepthwiseConv2DOptions(p, stride, stride, dm, dilation, dilation, a);
    }

    private static DepthwiseConv2DParams prepare(Graph g) {
        return new DepthwiseConv2DKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
    }

    private static byte[] run(Graph g, byte[] input) {
        DepthwiseConv2DKernel k = new DepthwiseConv2DKernel();
        DepthwiseConv2DParams p = prepare(g);
        TensorStore s = new TensorStore(g);
        System.arraycopy(input, 0, s.bytes(p.input()), 0, input.length);
        k.eval(p, s);
        return s.bytes(p.output()).clone();
    }

    @Test
    void dilatedFilterWithDepthMultiplierTwo() {
        // x[i][j] = 5i + j on 5x5, one channel. 3x3 filter, dilation 2, VALID -> one output pixel, taps at
        // rows/cols {0, 2, 4}: sum = 15*(0+2+4) + 3*(0+2+4) = 108.
        // m = 0: weights all 1 -> 108; m = 1: weights all -1 -> -108. s_out = 2 -> 54 and -54.
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 5, 5, 1}, 1f, 0);
        int[] wv = new int[18];
        for (int t = 0; t < 9; t++) {
            wv[2 * t] = 1;
            wv[2 * t + 1] = -1;
        }
        int w = b.weights(new int[] {1, 3, 3, 2}, new float[] {1f, 1f}, 3, wv);
        int out = b.activation(new int[] {1, 1, 1, 2}, 2f, 0);
        Graph g = b.graph(OpType.DEPTHWISE_CONV_2D, opts(Padding.VALID, 1, 2, 2, Activation.NONE),
                new int[] {in, w, -1}, out);
        byte[] x = new byte[25];
        for (int i = 0; i < 25; i++) {
            x[i] = (byte) i;
        }
        assertArrayEquals(new byte[] {54, -54}, run(g, x));
        assertEquals(18, prepare(g).macs()); // 2 outputs x 9 taps
    }

    @Test
    void channelsStaySeparateAndSameStrideTwoSkipsOutsideTaps() {
        // 2 channels on 3x3 (two batches), 3x3 ones filter for ch0 and twos for ch1, SAME, stride 2:
        // out 2x2, total padding = 1*2 + 3 - 3 = 2 -> 1 before. Input channel 0 all 1, channel 1 all -1.
        // Output (0,0) sees rows/cols {0,1} = 4 taps: ch0 = 4, ch1 = -8. (0,1) sees cols {1,2}, rows {0,1}: 4 taps.
        // (1,1) rows/cols {1,2}: 4 taps. All four pixels see 4 taps -> [4, -8] everywhere; bias [1, -1] added.
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {2, 3, 3, 2}, 1f, 0);
        int[] wv = new int[18];
        for (int t = 0; t < 9; t++) {
            wv[2 * t] = 1;
            wv[2 * t + 1] = 2;
        }
        int w = b.weights(new int[] {1, 3, 3, 2}, new float[] {1f}, 3, wv);
        int bias = b.bias(1f, 1, -1);
        int out = b.activation(new int[] {2, 2, 2, 2}, 1f, 0);
        Graph g = b.graph(OpType.DEPTHWISE_CONV_2D, opts(Padding.SAME, 2, 1, 1, Activation.NONE),
                new int[] {in, w, bias}, out);
        byte[] x = new byte[36];
        for (int i = 0; i < 36; i += 2) {
            x[i] = 1;
            x[i + 1] = -1;
        }
        byte[] expected = new byte[16];
        for (int i = 0; i < 16; i += 2) {
            expected[i] = 5;
            expected[i + 1] = -9;
        }
        assertArrayEquals(expected, run(g, x));
        assertEquals(1, prepare(g).padH());
    }

    @Test
    void reluUsesTheQuantizedZero() {
        // zp_out = -3: RELU min = Q(0) = -3. Real results -2 and +2 (s_out 1) -> -3 (clamped) and -1.
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1, 1, 2}, 1f, 0);
        int w = b.weights(new int[] {1, 1, 1, 2}, new float[] {1f, 1f}, 3, 1, 1);
        int out = b.activation(new int[] {1, 1, 1, 2}, 1f, -3);
        Graph g = b.graph(OpType.DEPTHWISE_CONV_2D, opts(Padding.VALID, 1, 1, 1, Activation.RELU),
                new int[] {in, w, -1}, out);
        assertArrayEquals(new byte[] {-3, -1}, run(g, new byte[] {-2, 2}));
    }

    @Test
    void inconsistentDepthMultiplierIsRejected() {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1, 1, 2}, 1f, 0);
        int w = b.weights(new int[] {1, 1, 1, 6}, new float[] {1f}, 3, new int[6]);
        int out = b.activation(new int[] {1, 1, 1, 6}, 1f, 0);
        Graph g = b.graph(OpType.DEPTHWISE_CONV_2D, opts(Padding.VALID, 1, 2, 1, Activation.NONE),
                new int[] {in, w, -1}, out);
        ModelException e = assertThrows(ModelException.class, () -> prepare(g));
        assertTrue(e.getMessage().startsWith("operator 0 DEPTHWISE_CONV_2D: depth_multiplier 2"), e.getMessage());
    }
}
