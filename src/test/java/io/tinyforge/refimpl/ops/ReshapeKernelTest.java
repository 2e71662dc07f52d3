package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PrepareContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReshapeKernelTest {

    /** in [2,3,4] int8 → RESHAPE → out (declared shape {@code outDims}); optional constant shape input. */
    private static Graph graph(int[] outDims, OpOptions options, int[] shapeInput, DType outType) {
        List<Tensor> ts = new ArrayList<>();
        ts.add(new Tensor(0, "in", Shape.of(2, 3, 4), DType.INT8, null, null, false));
        ts.add(new Tensor(1, "out", Shape.of(outDims), outType, null, null, false));
        int[] inputs = {0};
        if (shapeInput != null) {
            ByteBuffer b = ByteBuffer.allocate(4 * shapeInput.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int d : shapeInput) {
                b.putInt(d);
            }
            ts.add(new Tensor(2, "shape", Shape.of(shapeInput.length), DType.INT32, null, b.array(), false));
            inputs = new int[] {0, 2};
        }
        Operator op = new Operator(0, OpType.RESHAPE, inputs, new int[] {1}, options, new int[0]);
        return new Graph("reshape", ts, List.of(op), new int[] {0}, new int[] {1}, "00");
    }

    private static ReshapeParams prepare(Graph g) {
        return new ReshapeKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
    }

    @Test
    void minusOneIsInferredFromTheOptions() {
        ReshapeParams p = prepare(graph(new int[] {6, 4}, new ReshapeOptions(new int[] {-1, 4}), null, DType.INT8));
        assertEquals(Shape.of(6, 4), p.shape());
        assertEquals(24, p.bytes());
    }

    @Test
    void aConstantShapeInputWinsOverTheOptions() {
        ReshapeParams p = prepare(graph(new int[] {4, 6}, new ReshapeOptions(new int[] {24}), new int[] {4, -1},
                DType.INT8));
        assertEquals(Shape.of(4, 6), p.shape());
    }

    @Test
    void withoutOptionsOrShapeInputTheOutputTensorShapeIsUsed() {
        assertEquals(Shape.of(24), prepare(graph(new int[] {24}, NoOptions.INSTANCE, null, DType.INT8)).shape());
    }

    @Test
    void aRequestedShapeThatDoesNotFitFallsBackToTheOutputTensorAsTflmDoes() {
        for (int[] requested : new int[][] {{-1, -1}, {-1, 5}, {-2, 12}, {5, 5}}) {
            ReshapeParams p = prepare(graph(new int[] {4, 6}, new ReshapeOptions(requested), null, DType.INT8));
            assertEquals(Shape.of(4, 6), p.shape());
        }
    }

    @Test
    void evalCopiesTheBytesUnchanged() {
        Graph g = graph(new int[] {1, 24}, new ReshapeOptions(new int[] {1, -1}), null, DType.INT8);
        byte[] in = new byte[24];
        for (int i = 0; i < in.length; i++) {
            in[i] = (byte) (i * 37 - 100);
        }
        assertArrayEquals(in, new Interpreter(g).run(in));
    }

    @Test
    void badShapesAreOneLineModelErrorsNamingTheOperator() {
        List<Graph> bad = List.of(
                graph(new int[] {5, 5}, new ReshapeOptions(new int[] {5, 5}), null, DType.INT8),
                graph(new int[] {25}, NoOptions.INSTANCE, null, DType.INT8),
                graph(new int[] {6, 4}, new ReshapeOptions(new int[] {6, 4}), null, DType.INT16));
        for (Graph g : bad) {
            ModelException e = assertThrows(ModelException.class, () -> prepare(g), g.toString());
            assertTrue(e.getMessage().startsWith("operator 0 RESHAPE "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
