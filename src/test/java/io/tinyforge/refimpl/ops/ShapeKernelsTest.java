package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.ReducerOptions;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import org.junit.jupiter.api.Test;

/** PAD, CONCATENATION and MEAN on hand-computed tensors. */
class ShapeKernelsTest {

    @Test
    void padFillsWithTheOutputZeroPoint() {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, 0.1f, -5, 1, 2, 2, 1);
        int pads = b.constInt32(new int[] {4, 2}, 0, 0, 1, 0, 0, 1, 0, 0);
        int out = b.activation(DType.INT8, 0.1f, -5, 1, 3, 3, 1);
        Graph g = b.graph(OpType.PAD, NoOptions.INSTANCE, new int[] {in, pads}, out);
        TensorStore s = BasicTestGraph.run(new PadKernel(), g, t -> BasicTestGraph.put(t, in, 1, 2, 3, 4));
        assertArrayEquals(BasicTestGraph.bytes(-5, -5, -5, 1, 2, -5, 3, 4, -5), s.bytes(out));
    }

    @Test
    void padWithInconsistentOutputShapeIsRejected() {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, 0.1f, 0, 2, 2);
        int pads = b.constInt32(new int[] {2, 2}, 1, 1, 1, 1);
        int out = b.activation(DType.INT8, 0.1f, 0, 3, 4);
        Graph g = b.graph(OpType.PAD, NoOptions.INSTANCE, new int[] {in, pads}, out);
        ModelException e = assertThrows(ModelException.class,
                () -> new PadKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().startsWith("operator 0 PAD: output dimension 0"), e.getMessage());
    }

    @Test
    void concatenationInterleavesAlongTheInnerAxis() {
        BasicTestGraph b = new BasicTestGraph();
        int x = b.input(DType.INT8, 0.1f, 0, 2, 1);
        int y = b.input(DType.INT8, 0.1f, 0, 2, 2);
        int out = b.activation(DType.INT8, 0.1f, 0, 2, 3);
        Graph g = b.graph(OpType.CONCATENATION, new ConcatenationOptions(-1, Activation.NONE), new int[] {x, y}, out);
        TensorStore s = BasicTestGraph.run(new ConcatenationKernel(), g, t -> {
            BasicTestGraph.put(t, x, 1, 2);
            BasicTestGraph.put(t, y, 10, 11, 20, 21);
        });
        assertArrayEquals(BasicTestGraph.bytes(1, 10, 11, 2, 20, 21), s.bytes(out));
    }

    @Test
    void concatenationCopiesBytesEvenWhenScalesDiffer() {
        // TFLM evaluates int8 concatenation as a plain copy; it does not requantize
        BasicTestGraph b = new BasicTestGraph();
        int x = b.input(DType.INT8, 0.5f, 3, 1, 2);
        int y = b.input(DType.INT8, 0.1f, 0, 1, 1);
        int out = b.activation(DType.INT8, 0.2f, 1, 1, 3);
        Graph g = b.graph(OpType.CONCATENATION, new ConcatenationOptions(1, Activation.NONE), new int[] {x, y}, out);
        TensorStore s = BasicTestGraph.run(new ConcatenationKernel(), g, t -> {
            BasicTestGraph.put(t, x, -7, 9);
            BasicTestGraph.put(t, y, 100);
        });
        assertArrayEquals(BasicTestGraph.bytes(-7, 9, 100), s.bytes(out));
    }

    @Test
    void concatenationWithFusedActivationIsRejected() {
        BasicTestGraph b = new BasicTestGraph();
        int x = b.input(DType.INT8, 0.5f, 0, 1, 2);
        int out = b.activation(DType.INT8, 0.5f, 0, 1, 2);
        Graph g = b.graph(OpType.CONCATENATION, new ConcatenationOptions(1, Activation.RELU), new int[] {x}, out);
        assertThrows(ModelException.class,
                () -> new ConcatenationKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
    }

    private static Graph mean(int[] inDims, int[] axes, int[] outDims, float si, int zi, float so, int zo) {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, si, zi, inDims);
        int ax = b.constInt32(new int[] {axes.length}, axes);
        int out = b.activation(DType.INT8, so, zo, outDims);
        return b.graph(OpType.MEAN, new ReducerOptions(true), new int[] {in, ax}, out);
    }

    @Test
    void meanOverHeightAndWidthRoundsHalfAwayFromZero() {
        // 1x2x2x2, same quantization: per channel mean of 4 values; the 1/4 factor is an exact power of two
        Graph g = mean(new int[] {1, 2, 2, 2}, new int[] {1, 2}, new int[] {1, 1, 1, 2}, 0.1f, 0, 0.1f, 0);
        TensorStore s = BasicTestGraph.run(new MeanKernel(), g,
                t -> BasicTestGraph.put(t, 0, 1, -1, 2, -2, 3, -3, 4, -4)); // sums 10 and -10: 2.5 and -2.5
        assertArrayEquals(BasicTestGraph.bytes(3, -3), s.bytes(2));
    }

    @Test
    void meanRemovesTheZeroPointAndRescales() {
        // input zp 10, scale 0.2; output zp -3, scale 0.1: out = 2 * (mean - 10) - 3
        Graph g = mean(new int[] {2, 4}, new int[] {-1}, new int[] {2, 1}, 0.2f, 10, 0.1f, -3);
        TensorStore s = BasicTestGraph.run(new MeanKernel(), g, t -> BasicTestGraph.put(t, 0, 10, 12, 14, 16, 0, 0, 0, 4));
        // row 0: mean 13 -> 2*3-3 = 3 ; row 1: mean 1 -> 2*(-9)-3 = -21
        assertArrayEquals(BasicTestGraph.bytes(3, -21), s.bytes(2));
    }

    @Test
    void meanOverANonPowerOfTwoCountIsExactOnMultiples() {
        // the middle axis of 2x3x2, reduced: sums are multiples of 3, so the mean is exact
        Graph g = mean(new int[] {2, 3, 2}, new int[] {1}, new int[] {2, 1, 2}, 0.5f, 0, 0.5f, 0);
        TensorStore s = BasicTestGraph.run(new MeanKernel(), g,
                t -> BasicTestGraph.put(t, 0, 1, -60, 2, -60, 3, -60, 100, 9, 100, 9, 100, 9));
        assertArrayEquals(BasicTestGraph.bytes(2, -60, 100, 9), s.bytes(2));
        MeanParams p = new MeanKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
        assertEquals(3, p.count());
        assertArrayEquals(new int[] {2, 2}, p.keptDims());
        assertArrayEquals(new int[] {6, 1}, p.keptStrides());
        assertArrayEquals(new int[] {2}, p.reducedStrides());
    }

    @Test
    void meanWithRuntimeAxesIsRejected() {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, 0.1f, 0, 2, 2);
        int ax = b.input(DType.INT32, 0f, 0, 1);
        int out = b.activation(DType.INT8, 0.1f, 0, 2);
        Graph g = b.graph(OpType.MEAN, new ReducerOptions(false), new int[] {in, ax}, out);
        ModelException e = assertThrows(ModelException.class,
                () -> new MeanKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().startsWith("operator 0 MEAN: axes"), e.getMessage());
    }
}
