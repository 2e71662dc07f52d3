package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ADD and MUL: exact cases with power-of-two scales, broadcasting, and float math within one LSB. */
class AddMulKernelsTest {

    private static Graph binary(OpType t, Activation act, float s1, int z1, int[] d1, float s2, int z2, int[] d2,
            float so, int zo, int[] dout) {
        BasicTestGraph b = new BasicTestGraph();
        int a = b.input(DType.INT8, s1, z1, d1);
        int c = b.input(DType.INT8, s2, z2, d2);
        int o = b.activation(DType.INT8, so, zo, dout);
        return b.graph(t, new ActivationOptions(act), new int[] {a, c}, o);
    }

    @Test
    void addWithEqualScalesIsExactIntegerAdditionSaturated() {
        // s1 = s2 = so: every multiplier is a power of two, so out = x + y exactly, clamped to int8
        Graph g = binary(OpType.ADD, Activation.NONE, 0.5f, 0, new int[] {4}, 0.5f, 0, new int[] {4}, 0.5f, 0,
                new int[] {4});
        TensorStore s = BasicTestGraph.run(new AddKernel(), g, t -> {
            BasicTestGraph.put(t, 0, 1, -7, 100, -100);
            BasicTestGraph.put(t, 1, 2, 3, 100, -100);
        });
        assertArrayEquals(BasicTestGraph.bytes(3, -4, 127, -128), s.bytes(2));
    }

    @Test
    void addBroadcastsARowAcrossAMatrix() {
        // [2,3] + [3] with equal scales and zero points 0: out[i][j] = a[i][j] + b[j]
        Graph g = binary(OpType.ADD, Activation.NONE, 1f, 0, new int[] {2, 3}, 1f, 0, new int[] {3}, 1f, 0,
                new int[] {2, 3});
        TensorStore s = BasicTestGraph.run(new AddKernel(), g, t -> {
            BasicTestGraph.put(t, 0, 1, 2, 3, 4, 5, 6);
            BasicTestGraph.put(t, 1, 10, 20, 30);
        });
        assertArrayEquals(BasicTestGraph.bytes(11, 22, 33, 14, 25, 36), s.bytes(2));
    }

    @Test
    void addBroadcastsBothWaysInFourDimensions() {
        // [1,2,1,2] + [1,1,3,1] -> [1,2,3,2]: out[y][x][c] = a[y][c] + b[x]
        Graph g = binary(OpType.ADD, Activation.NONE, 1f, 0, new int[] {1, 2, 1, 2}, 1f, 0, new int[] {1, 1, 3, 1},
                1f, 0, new int[] {1, 2, 3, 2});
        TensorStore s = BasicTestGraph.run(new AddKernel(), g, t -> {
            BasicTestGraph.put(t, 0, 1, 2, 3, 4);
            BasicTestGraph.put(t, 1, 10, 20, 30);
        });
        assertArrayEquals(BasicTestGraph.bytes(11, 12, 21, 22, 31, 32, 13, 14, 23, 24, 33, 34), s.bytes(2));
    }

    @Test
    void addWithDifferentScalesStaysWithinOneStepOfFloatMath() {
        float s1 = 0.0407253653f;
        float s2 = 0.0412456132f;
        float so = 0.0583774112f;
        Graph g = binary(OpType.ADD, Activation.NONE, s1, -2, new int[] {256}, s2, -1, new int[] {256}, so, -3,
                new int[] {256});
        int[] x = new int[256];
        int[] y = new int[256];
        Random r = new Random(7);
        for (int i = 0; i < 256; i++) {
            x[i] = i - 128;
            y[i] = r.nextInt(256) - 128;
        }
        TensorStore s = BasicTestGraph.run(new AddKernel(), g, t -> {
            BasicTestGraph.put(t, 0, x);
            BasicTestGraph.put(t, 1, y);
        });
        for (int i = 0; i < 256; i++) {
            double real = s1 * (x[i] + 2) + s2 * (y[i] + 1);
            long want = Math.max(-128, Math.min(127, Math.round(real / so) - 3));
            if (Math.abs(s.bytes(2)[i] - want) > 1) {
                fail("element " + i + ": " + x[i] + " + " + y[i] + " gave " + s.bytes(2)[i] + ", float math " + want);
            }
        }
    }

    @Test
    void addFusedRelu6ClampsToQuantizedSix() {
        // scale 0.25, zp 0: RELU6 range [0, 24]
        Graph g = binary(OpType.ADD, Activation.RELU6, 0.25f, 0, new int[] {3}, 0.25f, 0, new int[] {3}, 0.25f, 0,
                new int[] {3});
        TensorStore s = BasicTestGraph.run(new AddKernel(), g, t -> {
            BasicTestGraph.put(t, 0, 20, -5, 3);
            BasicTestGraph.put(t, 1, 20, 1, 4);
        });
        assertArrayEquals(BasicTestGraph.bytes(24, 0, 7), s.bytes(2));
    }

    @Test
    void mulWithUnitRescaleIsExactProductSaturated() {
        // 0.5 * 0.5 / 0.25 = 1: out = (x - z1) * (y - z2) + zo exactly
        Graph g = binary(OpType.MUL, Activation.NONE, 0.5f, 1, new int[] {4}, 0.5f, -1, new int[] {4}, 0.25f, 2,
                new int[] {4});
        TensorStore s = BasicTestGraph.run(new MulKernel(), g, t -> {
            BasicTestGraph.put(t, 0, 3, -2, 50, 1);
            BasicTestGraph.put(t, 1, 4, 2, 50, -128);
        });
        // (2*5)+2=12, (-3*3)+2=-7, 49*51 saturates, 0*(-127)+2=2
        assertArrayEquals(BasicTestGraph.bytes(12, -7, 127, 2), s.bytes(2));
    }

    @Test
    void mulBroadcastsAScalar() {
        Graph g = binary(OpType.MUL, Activation.NONE, 1f, 0, new int[] {1}, 1f, 0, new int[] {2, 2}, 1f, 0,
                new int[] {2, 2});
        TensorStore s = BasicTestGraph.run(new MulKernel(), g, t -> {
            BasicTestGraph.put(t, 0, -3);
            BasicTestGraph.put(t, 1, 1, 2, -4, 40);
        });
        assertArrayEquals(BasicTestGraph.bytes(-3, -6, 12, -120), s.bytes(2));
    }

    @Test
    void mulWithArbitraryScalesStaysWithinOneStepOfFloatMath() {
        float s1 = 0.017f;
        float s2 = 0.031f;
        float so = 0.045f;
        Graph g = binary(OpType.MUL, Activation.NONE, s1, 5, new int[] {256}, s2, -9, new int[] {256}, so, 11,
                new int[] {256});
        int[] x = new int[256];
        int[] y = new int[256];
        Random r = new Random(11);
        for (int i = 0; i < 256; i++) {
            x[i] = i - 128;
            y[i] = r.nextInt(256) - 128;
        }
        TensorStore s = BasicTestGraph.run(new MulKernel(), g, t -> {
            BasicTestGraph.put(t, 0, x);
            BasicTestGraph.put(t, 1, y);
        });
        for (int i = 0; i < 256; i++) {
            double real = s1 * (x[i] - 5) * (double) s2 * (y[i] + 9);
            long want = Math.max(-128, Math.min(127, Math.round(real / so) + 11));
            if (Math.abs(s.bytes(2)[i] - want) > 1) {
                fail("element " + i + ": " + x[i] + " * " + y[i] + " gave " + s.bytes(2)[i] + ", float math " + want);
            }
        }
    }

    @Test
    void mulBroadcastBeyondFourDimensionsIsRejected() {
        Graph g = binary(OpType.MUL, Activation.NONE, 1f, 0, new int[] {1, 1, 1, 1, 2}, 1f, 0, new int[] {2, 1, 1, 1, 1},
                1f, 0, new int[] {2, 1, 1, 1, 2});
        ModelException e = assertThrows(ModelException.class,
                () -> new MulKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().startsWith("operator 0 MUL: "), e.getMessage());
    }

    @Test
    void int16AddIsRejectedWithTheReason() {
        BasicTestGraph b = new BasicTestGraph();
        int a = b.input(DType.INT16, 1f, 0, 2);
        int c = b.input(DType.INT16, 1f, 0, 2);
        int o = b.activation(DType.INT16, 1f, 0, 2);
        Graph g = b.graph(OpType.ADD, new ActivationOptions(Activation.NONE), new int[] {a, c}, o);
        ModelException e = assertThrows(ModelException.class,
                () -> new AddKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().contains("int16"), e.getMessage());
    }
}
