package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.refimpl.TensorStore;
import org.junit.jupiter.api.Test;

/** AVERAGE_POOL_2D and MAX_POOL_2D on hand-computed 2x2 images. */
class PoolKernelsTest {

    /** 1x2x2x1 input, 2x2 window, stride 1, SAME: pad 0 before, the window is clipped at the bottom/right. */
    private static Graph pool(OpType type, Activation act, float scale, int zp) {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, scale, zp, 1, 2, 2, 1);
        int out = b.activation(DType.INT8, scale, zp, 1, 2, 2, 1);
        return b.graph(type, new Pool2DOptions(Padding.SAME, 1, 1, 2, 2, act), new int[] {in}, out);
    }

    @Test
    void averageRoundsHalfAwayFromZeroOverTheClippedWindow() {
        Graph g = pool(OpType.AVERAGE_POOL_2D, Activation.NONE, 0.1f, 0);
        // windows: {1,2,3,4}=2.5 -> 3, {2,4}=3, {3,4}=3.5 -> 4, {4}=4
        TensorStore s = BasicTestGraph.run(new AveragePool2DKernel(), g, t -> BasicTestGraph.put(t, 0, 1, 2, 3, 4));
        assertArrayEquals(BasicTestGraph.bytes(3, 3, 4, 4), s.bytes(1));
        // negatives: -2.5 -> -3, -3, -3.5 -> -4, -4
        s = BasicTestGraph.run(new AveragePool2DKernel(), g, t -> BasicTestGraph.put(t, 0, -1, -2, -3, -4));
        assertArrayEquals(BasicTestGraph.bytes(-3, -3, -4, -4), s.bytes(1));
    }

    @Test
    void averageAppliesFusedReluAtTheZeroPoint() {
        Graph g = pool(OpType.AVERAGE_POOL_2D, Activation.RELU, 0.1f, -2);
        TensorStore s = BasicTestGraph.run(new AveragePool2DKernel(), g, t -> BasicTestGraph.put(t, 0, -9, -7, 5, -1));
        // raw averages: -3, -4, 2, -1 ; RELU clamps below at zp = -2
        assertArrayEquals(BasicTestGraph.bytes(-2, -2, 2, -1), s.bytes(1));
    }

    @Test
    void maxTakesTheLargestValidTap() {
        Graph g = pool(OpType.MAX_POOL_2D, Activation.NONE, 0.1f, 0);
        TensorStore s = BasicTestGraph.run(new MaxPool2DKernel(), g, t -> BasicTestGraph.put(t, 0, -128, -100, 7, -5));
        assertArrayEquals(BasicTestGraph.bytes(7, -5, 7, -5), s.bytes(1));
    }

    @Test
    void maxWithRelu6ClampsToQuantizedSix() {
        // scale 0.1, zp 0: six = 60
        Graph g = pool(OpType.MAX_POOL_2D, Activation.RELU6, 0.1f, 0);
        TensorStore s = BasicTestGraph.run(new MaxPool2DKernel(), g, t -> BasicTestGraph.put(t, 0, 100, -3, -7, -5));
        assertArrayEquals(BasicTestGraph.bytes(60, 0, 0, 0), s.bytes(1));
    }

    @Test
    void differentInputAndOutputScalesAreRejected() {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, 0.1f, 0, 1, 2, 2, 1);
        int out = b.activation(DType.INT8, 0.2f, 0, 1, 1, 1, 1);
        Graph g = b.graph(OpType.AVERAGE_POOL_2D, new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
                new int[] {in}, out);
        ModelException e = assertThrows(ModelException.class,
                () -> new AveragePool2DKernel().prepare(g, g.operators().get(0), io.tinyforge.refimpl.PrepareContext.DEFAULT));
        assertTrue(e.getMessage().startsWith("operator 0 AVERAGE_POOL_2D: "), e.getMessage());
        assertTrue(e.getMessage().contains("same scale"), e.getMessage());
    }

    @Test
    void wrongOutputShapeIsRejected() {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, 0.1f, 0, 1, 4, 4, 1);
        int out = b.activation(DType.INT8, 0.1f, 0, 1, 3, 3, 1);
        Graph g = b.graph(OpType.MAX_POOL_2D, new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
                new int[] {in}, out);
        ModelException e = assertThrows(ModelException.class,
                () -> new MaxPool2DKernel().prepare(g, g.operators().get(0), io.tinyforge.refimpl.PrepareContext.DEFAULT));
        assertTrue(e.getMessage().contains("expected [1,2,2,1]"), e.getMessage());
    }
}
