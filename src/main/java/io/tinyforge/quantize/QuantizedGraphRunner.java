package io.tinyforge.quantize;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.TensorStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Runs a quantized graph in the Java reference interpreter on float inputs (quantized with the input
 * tensor's parameters when it is int8) and returns every tensor as float: int8 tensors dequantized, float32
 * as is, others null.
 */
public final class QuantizedGraphRunner implements FloatRunner {
    private final Graph g;
    private final Interpreter it;

    public QuantizedGraphRunner(Graph quantized) {
        this.g = quantized;
        this.it = new Interpreter(quantized);
    }

    /** The raw input record for float inputs (int8 inputs quantized, float32 inputs copied). */
    public byte[] inputRecord(float[][] inputs) {
        ByteBuffer b = ByteBuffer.allocate((int) g.inputRecordBytes()).order(ByteOrder.LITTLE_ENDIAN);
        int[] ins = g.inputs();
        for (int k = 0; k < ins.length; k++) {
            Tensor t = g.tensor(ins[k]);
            for (float x : inputs[k]) {
                if (t.dtype() == DType.INT8) {
                    b.put((byte) QuantRules.quantize(x, new Affine(t.quant().scale(), t.quant().zeroPoint())));
                } else {
                    b.putFloat(x);
                }
            }
        }
        return b.array();
    }

    @Override
    public float[][] run(float[][] inputs) {
        it.run(inputRecord(inputs));
        TensorStore s = it.store();
        float[][] v = new float[g.tensors().size()][];
        for (Tensor t : g.tensors()) {
            if (t.isConstant()) {
                continue;
            }
            byte[] d = s.bytes(t.index());
            if (t.dtype() == DType.INT8 && t.hasQuant()) {
                float[] f = new float[d.length];
                float sc = t.quant().scale();
                int zp = t.quant().zeroPoint();
                for (int i = 0; i < d.length; i++) {
                    f[i] = (d[i] - zp) * sc;
                }
                v[t.index()] = f;
            } else if (t.dtype() == DType.FLOAT32) {
                v[t.index()] = Raw.floats(d);
            }
        }
        return v;
    }
}
