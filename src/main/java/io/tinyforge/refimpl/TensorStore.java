package io.tinyforge.refimpl;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The values of every tensor of a graph as raw little-endian bytes, one array per tensor (the reference does
 * not share memory between tensors, so every intermediate stays readable after a run). Constants are the
 * graph's own arrays and must not be written.
 */
public final class TensorStore {
    private final Graph graph;
    private final byte[][] values;

    public TensorStore(Graph graph) {
        this.graph = graph;
        this.values = new byte[graph.tensors().size()][];
        reset();
    }

    /**
     * Zeroes every non-constant tensor, as TFLM's {@code Reset()}: variable (state) tensors too, except that an
     * int8 variable tensor is filled with its zero point (TFLM {@code ResetVariableTensors} memsets it so).
     */
    public void reset() {
        for (Tensor t : graph.tensors()) {
            values[t.index()] = t.isConstant() ? t.data() : new byte[(int) t.bytes()];
            if (t.variable() && t.dtype() == DType.INT8 && t.hasQuant()) {
                java.util.Arrays.fill(values[t.index()], (byte) t.quant().zeroPoint());
            }
        }
    }

    public Graph graph() {
        return graph;
    }

    /** Raw bytes of a tensor; write into it for outputs. */
    public byte[] bytes(int tensorIndex) {
        return values[tensorIndex];
    }

    /** A little-endian view for int16/int32/float tensors. */
    public ByteBuffer buffer(int tensorIndex) {
        return ByteBuffer.wrap(values[tensorIndex]).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads element {@code i} of an int16 tensor. */
    public short int16(int tensorIndex, int i) {
        byte[] b = values[tensorIndex];
        return (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8));
    }

    /** Writes element {@code i} of an int16 tensor. */
    public void setInt16(int tensorIndex, int i, int v) {
        byte[] b = values[tensorIndex];
        b[2 * i] = (byte) v;
        b[2 * i + 1] = (byte) (v >> 8);
    }

    /** Reads element {@code i} of an int32 tensor. */
    public int int32(int tensorIndex, int i) {
        byte[] b = values[tensorIndex];
        int o = 4 * i;
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | b[o + 3] << 24;
    }

    /** Writes element {@code i} of an int32 tensor. */
    public void setInt32(int tensorIndex, int i, int v) {
        byte[] b = values[tensorIndex];
        int o = 4 * i;
        b[o] = (byte) v;
        b[o + 1] = (byte) (v >> 8);
        b[o + 2] = (byte) (v >> 16);
        b[o + 3] = (byte) (v >> 24);
    }

    public float float32(int tensorIndex, int i) {
        return Float.intBitsToFloat(int32(tensorIndex, i));
    }

    public void setFloat32(int tensorIndex, int i, float v) {
        setInt32(tensorIndex, i, Float.floatToRawIntBits(v));
    }
}
