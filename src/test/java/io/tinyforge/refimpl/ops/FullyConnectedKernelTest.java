package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import org.junit.jupiter.api.Test;

/** Hand-checked FULLY_CONNECTED cases; the expected values are worked out in the comments. */
class FullyConnectedKernelTest {

    private static FullyConnectedParams prepare(Graph g) {
        return new FullyConnectedKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
    }

    private static byte[] run(Graph g, byte[] input) {
        FullyConnectedKernel k = new FullyConnectedKernel();
        FullyConnectedParams p = prepare(g);
        TensorStore s = new TensorStore(g);
        System.arraycopy(input, 0, s.bytes(p.input()), 0, input.length);
        k.eval(p, s);
        return s.bytes(p.output()).clone();
    }

    private static FullyConnectedOptions opts(Activation a) {
        return new FullyConnectedOptions(a, false, false);
    }

    @Test
    void perTensorTwoBatches() {
        // s_in = 0.5, zp_in = 2; s_w = 0.5; s_out = 0.25, zp_out = -1; bias scale 0.25.
        // W = [[2, 0, -2], [1, 1, 1]] -> real [[1, 0, -1], [0.5, 0.5, 0.5]]; bias [4, -2] -> real [1, -0.5].
        // batch 0: x = [4, 6, 2] -> real [1, 2, 0]: out0 = 1 - 0 + 1 = 2 -> 8 - 1 = 7;
        //          out1 = 0.5*3 - 0.5 = 1 -> 4 - 1 = 3.
        // batch 1: x = [0, 2, 10] -> real [-1, 0, 4]: out0 = -1 - 4 + 1 = -4 -> -16 - 1 = -17;
        //          out1 = 0.5*3 - 0.5 = 1 -> 3.
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {2, 3}, 0.5f, 2);
        int w = b.weights(new int[] {2, 3}, new float[] {0.5f}, 0, 2, 0, -2, 1, 1, 1);
        int bias = b.bias(0.25f, 4, -2);
        int out = b.activation(new int[] {2, 2}, 0.25f, -1);
        Graph g = b.graph(OpType.FULLY_CONNECTED, opts(Activation.NONE), new int[] {in, w, bias}, out);
        assertArrayEquals(new byte[] {7, 3, -17, 3}, run(g, new byte[] {4, 6, 2, 0, 2, 10}));
        FullyConnectedParams p = prepare(g);
        assertFalse(p.perChannel());
        assertEquals(2, p.batches());
        assertEquals(12, p.macs()); // 2 batches x 2 outputs x 3 inputs
        // 0.5 * 0.5 / 0.25 = 1.0 = 2^30 * 2^(1-31)
        assertArrayEquals(new int[] {1 << 30}, p.multipliers());
        assertArrayEquals(new int[] {1}, p.shifts());
    }

    @Test
    void fourDimensionalInputIsFlattened() {
        // input [1,2,2,1] is read as one row of 4; W = [1, 2, 3, 4], x = [1, 1, 1, 1] -> 10 (all scales 1)
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 2, 2, 1}, 1f, 0);
        int w = b.weights(new int[] {1, 4}, new float[] {1f}, 0, 1, 2, 3, 4);
        int out = b.activation(new int[] {1, 1}, 1f, 0);
        Graph g = b.graph(OpType.FULLY_CONNECTED, opts(Activation.NONE), new int[] {in, w, -1}, out);
        assertArrayEquals(new byte[] {10}, run(g, new byte[] {1, 1, 1, 1}));
    }

    @Test
    void perChannelWeightsAndReluNOneToOne() {
        // s_in = 1/64, s_out = 1/64 (Q(-1) = -64, Q(1) = 64); x = [32] (real 0.5)
        // ch0: s_w = 1, w = 1 -> 0.5 -> 32; ch1: s_w = 4, w = 1 -> 2.0 -> 128, clamped to Q(1) = 64;
        // ch2: s_w = 8, w = -1 -> -4.0 -> clamped to Q(-1) = -64
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1}, 1f / 64, 0);
        int w = b.weights(new int[] {3, 1}, new float[] {1f, 4f, 8f}, 0, 1, 1, -1);
        int out = b.activation(new int[] {1, 3}, 1f / 64, 0);
        Graph g = b.graph(OpType.FULLY_CONNECTED, opts(Activation.RELU_N1_TO_1), new int[] {in, w, -1}, out);
        assertArrayEquals(new byte[] {32, 64, -64}, run(g, new byte[] {32}));
        FullyConnectedParams p = prepare(g);
        assertTrue(p.perChannel());
        assertEquals(-64, p.actMin());
        assertEquals(64, p.actMax());
    }

    @Test
    void biasScaleMismatchIsRejectedAsTfliteDoes() {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 1}, 0.5f, 0);
        int w = b.weights(new int[] {1, 1}, new float[] {0.5f}, 0, 1);
        int bias = b.bias(0.3f, 0);
        int out = b.activation(new int[] {1, 1}, 1f, 0);
        Graph g = b.graph(OpType.FULLY_CONNECTED, opts(Activation.NONE), new int[] {in, w, bias}, out);
        ModelException e = assertThrows(ModelException.class, () -> prepare(g));
        assertTrue(e.getMessage().startsWith("operator 0 FULLY_CONNECTED: bias scale"), e.getMessage());
    }

    @Test
    void inputThatDoesNotMatchTheWeightsIsRejected() {
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, 5}, 1f, 0);
        int w = b.weights(new int[] {2, 4}, new float[] {1f}, 0, new int[8]);
        int out = b.activation(new int[] {1, 2}, 1f, 0);
        Graph g = b.graph(OpType.FULLY_CONNECTED, opts(Activation.NONE), new int[] {in, w, -1}, out);
        ModelException e = assertThrows(ModelException.class, () -> prepare(g));
        assertTrue(e.getMessage().contains("rows of 4"), e.getMessage());
    }
}
