package io.tinyforge.testing;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

/** Small graphs built directly as IR objects (no .tflite file), for framework tests. */
public final class FixtureGraphs {
    private static final QuantParams Q = QuantParams.perTensor(0.5f, -3);

    private FixtureGraphs() {
    }

    /** int8 [1,4,6] → RESHAPE (options [-1, 24]) → int8 [1,24]: input and output are graph boundaries. */
    public static Graph singleReshape() {
        Tensor in = activation(0, "input", 1, 4, 6);
        Tensor out = activation(1, "output", 1, 24);
        Operator op = new Operator(0, OpType.RESHAPE, new int[] {0}, new int[] {1},
                new ReshapeOptions(new int[] {-1, 24}), new int[0]);
        return new Graph("single_reshape", List.of(in, out), List.of(op), new int[] {0}, new int[] {1},
                "0".repeat(63) + "1");
    }

    /**
     * int8 [2,3,4] → RESHAPE [6,4] (shape from a constant second input) → RESHAPE [24] (shape from the output
     * tensor) → output: the middle tensor dies at the second reshape, which may therefore run in place.
     */
    public static Graph reshapeChain() {
        Tensor in = activation(0, "input", 2, 3, 4);
        Tensor mid = activation(1, "middle", 6, 4);
        Tensor out = activation(2, "output", 24);
        ByteBuffer shape = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(-1);
        Tensor shapeConst = new Tensor(3, "shape", Shape.of(2), DType.INT32, null, shape.array(), false);
        Operator first = new Operator(0, OpType.RESHAPE, new int[] {0, 3}, new int[] {1}, NoOptions.INSTANCE,
                new int[0]);
        Operator second = new Operator(1, OpType.RESHAPE, new int[] {1}, new int[] {2},
                new ReshapeOptions(new int[0]), new int[0]);
        return new Graph("reshape_chain", List.of(in, mid, out, shapeConst), List.of(first, second),
                new int[] {0}, new int[] {2}, "0".repeat(63) + "2");
    }

    private static Tensor activation(int index, String name, int... dims) {
        return new Tensor(index, name, Shape.of(dims), DType.INT8, Q, null, false);
    }

    /** {@code n} records of seeded random bytes for {@code graph}'s inputs. */
    public static byte[] randomRecords(Graph graph, int n, long seed) {
        byte[] b = new byte[(int) (graph.inputRecordBytes() * n)];
        new Random(seed).nextBytes(b);
        return b;
    }
}
