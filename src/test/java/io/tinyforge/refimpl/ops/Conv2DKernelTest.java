package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import org.junit.jupiter.api.Test;

/** Hand-checked CONV_2D cases: every expected value is worked out in the comments, not taken from the kernel. */
class Conv2DKernelTest {

    private static Conv2DOptions opts(Padding p, int stride, int dilation, Activation a) {
        return new Conv2DOptions(p, stride, stride, dilation, dilation, a);
    }

    private static byte[] run(Graph g, byte[] input) {
        Conv2DKernel k = new Conv2DKernel();
        Conv2DParams p = k.prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
        TensorStore s = new TensorStore(g);
        System.arraycopy(input, 0, s.bytes(p.input()), 0, input.length);
        k.eval(p, s);
        return s.bytes(p.output()).clone();
    }

    private static Conv2DParams prepare(Graph g) {
        return new Conv2DKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
    }

    @Test
    void oneByOneIdentityFilterOnlyMovesZeroPoints() {
        // s_in = s_w = s_out = 1, so y = (x - zp_in) + zp_out = x - 3 - 2 = x - 5 for each channel
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 2, 2, 3}, 1f, 3);
        int w = b.weights(new int[] {3, 1, 1, 3}, new float[] {1f}, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        int out = b.activation(new int[] {1, 2, 2, 3}, 1f, -2);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        byte[] x = {10, 20, 30, -10, -20, -30, 0, 1, 2, 100, -100, 50};
        byte[] expected = {5, 15, 25, -15, -25, -35, -5, -4, -3, 95, -105, 45};
        assertArrayEquals(expected, run(g, x));
    }

    @Test
    void sameAndValidPaddingGiveTflmOutputSizes() {
        // 5x5 input, 3x3 filter, stride 2: SAME -> ceil(5/2) = 3; VALID -> (5 + 2 - 3) / 2 = 2.
        // SAME total padding = (3-1)*2 + 3 - 5 = 2 -> 1 row above. Dilation 2 (extent 5), VALID -> 1.
        assertEquals(3, geometry(Padding.SAME, 5, 3, 2, 1).outH());
        assertEquals(1, geometry(Padding.SAME, 5, 3, 2, 1).padH());
        assertEquals(2, geometry(Padding.VALID, 5, 3, 2, 1).outH());
        assertEquals(0, geometry(Padding.VALID, 5, 3, 2, 1).padH());
        assertEquals(1, geometry(Padding.VALID, 5, 3, 1, 2).outH());
        // SAME with dilation 2, stride 1 on 5: out 5, total = 4 + 5 - 5 = 4 -> pad 2
        assertEquals(2, geometry(Padding.SAME, 5, 3, 1, 2).padH());
        // 4x4 input, 2x2 filter, SAME stride 1: total padding 1, all of it after the input -> pad 0
        assertEquals(0, geometry(Padding.SAME, 4, 2, 1, 1).padH());
    }

    private static Conv2DParams geometry(Padding p, int size, int k, int stride, int dilation) {
        int eff = (k - 1) * dilation + 1;
        int out = p == Padding.SAME ? (size + stride - 1) / stride : (size - eff) / stride + 1;
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, size, size, 1}, 1f, 0);
        int w = b.weights(new int[] {1, k, k, 1}, new float[] {1f}, 0, new int[k * k]);
        int o = b.activation(new int[] {1, out, out, 1}, 1f, 0);
        return prepare(b.graph(OpType.CONV_2D, opts(p, stride, dilation, Activation.NONE), new int[] {in, w, -1}, o));
    }

    @Test
    void sameThreeByThreeSumSkipsTapsOutsideTheInput() {
        // all-ones 3x3 filter on an all-ones 4x4 image (zp_in = 0): corners see 4 taps, edges 6, interior 9
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 4, 4, 1}, 1f, 0);
        int w = b.weights(new int[] {1, 3, 3, 1}, new float[] {1f}, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        int out = b.activation(new int[] {1, 4, 4, 1}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.SAME, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        byte[] x = new byte[16];
        java.util.Arrays.fill(x, (byte) 1);
        byte[] expected = {4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4};
        assertArrayEquals(expected, run(g, x));
    }

    @Test
    void skippedTapsActLikePaddingWithTheInputZeroPoint() {
        // zp_in = 7 and every input is 8 (real 1): the float result is again 4/6/9, i.e. padding is real 0
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 3, 3, 1}, 1f, 7);
        int w = b.weights(new int[] {1, 3, 3, 1}, new float[] {1f}, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        int out = b.activation(new int[] {1, 3, 3, 1}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.SAME, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        byte[] x = new byte[9];
        java.util.Arrays.fill(x, (byte) 8);
        assertArrayEquals(new byte[] {4, 6, 4, 6, 9, 6, 4, 6, 4}, run(g, x));
    }

    @Test
    void evenFilterSamePaddingPutsTheExtraRowAfterTheInput() {
        // 2x2 ones filter, SAME, stride 1 on x[i][j] = i*3 + j (3x3): pad 0 before, 1 after.
        // y[0][0] = 0+1+3+4 = 8; y[0][2] = 2+5 = 7; y[2][0] = 6+7 = 13; y[2][2] = 8; y[1][1] = 4+5+7+8 = 24
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 3, 3, 1}, 1f, 0);
        int w = b.weights(new int[] {1, 2, 2, 1}, new float[] {1f}, 0, 1, 1, 1, 1);
        int out = b.activation(new int[] {1, 3, 3, 1}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.SAME, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        byte[] y = run(g, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8});
        assertArrayEquals(new byte[] {8, 12, 7, 20, 24, 13, 13, 15, 8}, y);
    }

    @Test
    void perChannelScalesRescaleEachOutputChannel() {
        // s_in = 0.5, x = [10, -6] (zp 0) -> real [5, -3]
        // channel 0: s_w = 0.25, w = [4, 2] -> real [1, 0.5]; bias 8 * (0.5*0.25) = 1.0
        //   real = 5 - 1.5 + 1 = 4.5; / s_out 0.25 = 18; + zp_out 5 = 23
        // channel 1: s_w = 0.125, w = [8, -8] -> real [1, -1]; bias -16 * (0.5*0.125) = -1.0
        //   real = 5 + 3 - 1 = 7; / 0.25 = 28; + 5 = 33
        Graph g = perChannelGraph(Activation.NONE);
        assertArrayEquals(new byte[] {23, 33}, run(g, new byte[] {10, -6}));
        // multipliers: 0.5*0.25/0.25 = 0.5 = 2^30 * 2^(0-31); 0.5*0.125/0.25 = 0.25 -> shift -1
        Conv2DParams p = prepare(g);
        assertArrayEquals(new int[] {1 << 30, 1 << 30}, p.multipliers());
        assertArrayEquals(new int[] {0, -1}, p.shifts());
    }

    @Test
    void relu6ClampsAtTheQuantizedSix() {
        // Q(6) = 5 + 6 / 0.25 = 29, so channel 1 (33) is clamped; Q(0) = 5 is the lower bound
        Graph g = perChannelGraph(Activation.RELU6);
        assertArrayEquals(new byte[] {23, 29}, run(g, new byte[] {10, -6}));
        Conv2DParams p = prepare(g);
        assertEquals(5, p.actMin());
        assertEquals(29, p.actMax());
        // with x = [-10, 6] (real [-5, 3]): ch0 = -5 + 1.5 + 1 = -2.5 -> clamped to Q(0) = 5;
        // ch1 = -5 - 3 - 1 = -9 -> 5
        assertArrayEquals(new byte[] {5, 5}, run(g, new byte[] {-10, 6}));
    }

    private static Graph perChannelGraph(Activation act) {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1, 1, 2}, 0.5f, 0);
        int w = b.weights(new int[] {2, 1, 1, 2}, new float[] {0.25f, 0.125f}, 0, 4, 2, 8, -8);
        int bias = b.bias(0f, 8, -16);
        int out = b.activation(new int[] {1, 1, 1, 2}, 0.25f, 5);
        return b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, act), new int[] {in, w, bias}, out);
    }

    @Test
    void groupedConvolutionReadsItsOwnInputChannels() {
        // 2 groups: input channels [a, b]; filter [2][1][1][1] = [1, 2]; out ch0 = a, ch1 = 2b
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1, 2, 2}, 1f, 0);
        int w = b.weights(new int[] {2, 1, 1, 1}, new float[] {1f}, 0, 1, 2);
        int out = b.activation(new int[] {1, 1, 2, 2}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        assertArrayEquals(new byte[] {3, 10, -4, 14}, run(g, new byte[] {3, 5, -4, 7}));
        assertEquals(2, prepare(g).groups());
    }

    @Test
    void batchesAreIndependent() {
        // 1x1 filter of 2 on two batches of one pixel: y = 2x
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {2, 1, 1, 1}, 1f, 0);
        int w = b.weights(new int[] {1, 1, 1, 1}, new float[] {1f}, 0, 2);
        int out = b.activation(new int[] {2, 1, 1, 1}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        assertArrayEquals(new byte[] {-14, 40}, run(g, new byte[] {-7, 20}));
    }

    @Test
    void macsCountOutputsTimesTapsTimesInputChannelsPerGroup() {
        // 1x3x3x2 output, 2x2 filter over 4 input channels: 18 * 4 * 4 = 288
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 4, 4, 4}, 1f, 0);
        int w = b.weights(new int[] {2, 2, 2, 4}, new float[] {1f}, 0, new int[32]);
        int out = b.activation(new int[] {1, 3, 3, 2}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        assertEquals(288, prepare(g).macs());
    }

    @Test
    void missingQuantizationIsReportedWithTheOperator() {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.add(new io.tinyforge.ir.Tensor(0, "x", io.tinyforge.ir.Shape.of(1, 1, 1, 1),
                io.tinyforge.ir.DType.INT8, null, null, false));
        int w = b.weights(new int[] {1, 1, 1, 1}, new float[] {1f}, 0, 1);
        int out = b.activation(new int[] {1, 1, 1, 1}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        ModelException e = assertThrows(ModelException.class, () -> prepare(g));
        assertTrue(e.getMessage().startsWith("operator 0 CONV_2D: input"), e.getMessage());
        assertTrue(e.getMessage().contains("quantization"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void wrongPerChannelCountIsRejected() {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1, 1, 1}, 1f, 0);
        int w = b.weights(new int[] {3, 1, 1, 1}, new float[] {1f, 1f}, 0, 1, 1, 1);
        int out = b.activation(new int[] {1, 1, 1, 3}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.NONE), new int[] {in, w, -1}, out);
        ModelException e = assertThrows(ModelException.class, () -> prepare(g));
        assertTrue(e.getMessage().contains("2 scales"), e.getMessage());
    }

    @Test
    void tanhActivationIsRejected() {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1, 1, 1}, 1f, 0);
        int w = b.weights(new int[] {1, 1, 1, 1}, new float[] {1f}, 0, 1);
        int out = b.activation(new int[] {1, 1, 1, 1}, 1f, 0);
        Graph g = b.graph(OpType.CONV_2D, opts(Padding.VALID, 1, 1, Activation.TANH), new int[] {in, w, -1}, out);
        ModelException e = assertThrows(ModelException.class, () -> prepare(g));
        assertTrue(e.getMessage().contains("TANH"), e.getMessage());
    }
}
