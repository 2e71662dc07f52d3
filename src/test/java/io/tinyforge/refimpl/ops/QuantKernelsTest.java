package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import org.junit.jupiter.api.Test;

/** RELU, RELU6, QUANTIZE and DEQUANTIZE on hand-computed values. */
class QuantKernelsTest {

    private static Graph unary(OpType t, DType di, float si, int zi, DType dout, float so, int zo, int n) {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(di, si, zi, n);
        int out = b.activation(dout, so, zo, n);
        return b.graph(t, NoOptions.INSTANCE, new int[] {in}, out);
    }

    @Test
    void reluWithSameQuantizationClampsAtTheZeroPoint() {
        Graph g = unary(OpType.RELU, DType.INT8, 0.1f, -20, DType.INT8, 0.1f, -20, 4);
        TensorStore s = BasicTestGraph.run(new ReluKernel(), g, t -> BasicTestGraph.put(t, 0, -128, -21, -20, 127));
        assertArrayEquals(BasicTestGraph.bytes(-20, -20, -20, 127), s.bytes(1));
    }

    @Test
    void reluRequantizesToTheOutputScale() {
        // s_in / s_out = 2 exactly: out = 2 * (x - 1) + 5, clamped to [5, 127]
        Graph g = unary(OpType.RELU, DType.INT8, 0.2f, 1, DType.INT8, 0.1f, 5, 4);
        TensorStore s = BasicTestGraph.run(new ReluKernel(), g, t -> BasicTestGraph.put(t, 0, -3, 1, 10, 100));
        assertArrayEquals(BasicTestGraph.bytes(5, 5, 23, 127), s.bytes(1));
    }

    @Test
    void relu6ClampsBetweenZeroPointAndQuantizedSix() {
        // scale 0.05, zp -10: six = round(6 / 0.05) - 10 = 110
        Graph g = unary(OpType.RELU6, DType.INT8, 0.05f, -10, DType.INT8, 0.05f, -10, 4);
        TensorStore s = BasicTestGraph.run(new Relu6Kernel(), g, t -> BasicTestGraph.put(t, 0, -128, -9, 110, 127));
        assertArrayEquals(BasicTestGraph.bytes(-10, -9, 110, 110), s.bytes(1));
    }

    @Test
    void quantizeFromFloatRoundsHalfAwayFromZeroAndSaturates() {
        // scale 0.5, zp 1: 1.25 -> 2.5 -> 3 -> 4 ; -1.25 -> -2.5 -> -3 -> -2 ; 1000 -> 127 ; NaN -> -128
        Graph g = unary(OpType.QUANTIZE, DType.FLOAT32, 0f, 0, DType.INT8, 0.5f, 1, 5);
        TensorStore s = BasicTestGraph.run(new QuantizeKernel(), g, t -> {
            t.setFloat32(0, 0, 1.25f);
            t.setFloat32(0, 1, -1.25f);
            t.setFloat32(0, 2, 1000f);
            t.setFloat32(0, 3, Float.NaN);
            t.setFloat32(0, 4, -0.2f);
        });
        assertArrayEquals(BasicTestGraph.bytes(4, -2, 127, -128, 1), s.bytes(1));
    }

    @Test
    void quantizeFromFloatToInt16() {
        Graph g = unary(OpType.QUANTIZE, DType.FLOAT32, 0f, 0, DType.INT16, 0.001f, 0, 3);
        TensorStore s = BasicTestGraph.run(new QuantizeKernel(), g, t -> {
            t.setFloat32(0, 0, 1.5f);
            t.setFloat32(0, 1, -40f);
            t.setFloat32(0, 2, 0.0004f);
        });
        assertEquals(1500, s.int16(1, 0));
        assertEquals(-32768, s.int16(1, 1));
        assertEquals(0, s.int16(1, 2));
    }

    @Test
    void requantizeInt8ToInt8DoublesWithNewZeroPoint() {
        // s_in / s_out = 2: out = 2 * (x + 3) - 7
        Graph g = unary(OpType.QUANTIZE, DType.INT8, 0.4f, -3, DType.INT8, 0.2f, -7, 4);
        TensorStore s = BasicTestGraph.run(new QuantizeKernel(), g, t -> BasicTestGraph.put(t, 0, -3, 0, 10, 100));
        assertArrayEquals(BasicTestGraph.bytes(-7, -1, 19, 127), s.bytes(1));
    }

    @Test
    void requantizeInt16ToInt32AndInt8ToInt16() {
        // int16 -> int32, s_in / s_out = 0.5 = 2^30 * 2^-31: out = SRDHM(x, 2^30), whose nudge rounds a
        // positive tie up (1.5 -> 2) and a negative tie toward zero (-1.5 -> -1), as gemmlowp defines it
        Graph g = unary(OpType.QUANTIZE, DType.INT16, 0.5f, 0, DType.INT32, 1f, 0, 3);
        TensorStore s = BasicTestGraph.run(new QuantizeKernel(), g, t -> {
            t.setInt16(0, 0, 3);
            t.setInt16(0, 1, -3);
            t.setInt16(0, 2, 32767);
        });
        assertEquals(2, s.int32(1, 0));
        assertEquals(-1, s.int32(1, 1));
        assertEquals(16384, s.int32(1, 2));
        // int8 -> int16, s_in / s_out = 256: out = 256 * (x - 1)
        Graph h = unary(OpType.QUANTIZE, DType.INT8, 1f, 1, DType.INT16, 1f / 256, 0, 2);
        TensorStore u = BasicTestGraph.run(new QuantizeKernel(), h, t -> BasicTestGraph.put(t, 0, -127, 127));
        assertEquals(-32768, u.int16(1, 0));
        assertEquals(32256, u.int16(1, 1));
    }

    @Test
    void dequantizeMultipliesTheOffsetValueByTheScale() {
        Graph g = unary(OpType.DEQUANTIZE, DType.INT8, 0.5f, 3, DType.FLOAT32, 0f, 0, 3);
        TensorStore s = BasicTestGraph.run(new DequantizeKernel(), g, t -> BasicTestGraph.put(t, 0, 5, -128, 3));
        assertEquals(1.0f, s.float32(1, 0));
        assertEquals(-65.5f, s.float32(1, 1));
        assertEquals(0.0f, s.float32(1, 2));
        Graph h = unary(OpType.DEQUANTIZE, DType.INT16, 0.25f, 0, DType.FLOAT32, 0f, 0, 1);
        TensorStore u = BasicTestGraph.run(new DequantizeKernel(), h, t -> t.setInt16(0, 0, -1000));
        assertEquals(-250f, u.float32(1, 0));
    }

    @Test
    void quantizeFromFloatToInt32IsRejectedAsInTflm() {
        Graph g = unary(OpType.QUANTIZE, DType.FLOAT32, 0f, 0, DType.INT32, 0.5f, 0, 2);
        ModelException e = assertThrows(ModelException.class,
                () -> new QuantizeKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().startsWith("operator 0 QUANTIZE: output (from float32) is int32"), e.getMessage());
    }

    @Test
    void dequantizeWithoutQuantizationIsRejected() {
        Graph g = unary(OpType.DEQUANTIZE, DType.INT8, 0f, 0, DType.FLOAT32, 0f, 0, 2);
        ModelException e = assertThrows(ModelException.class,
                () -> new DequantizeKernel().prepare(g, g.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().contains("no quantization parameters"), e.getMessage());
    }
}
