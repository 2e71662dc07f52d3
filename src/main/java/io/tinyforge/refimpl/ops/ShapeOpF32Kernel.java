package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 PAD, CONCATENATION and MEAN, with the geometry of the int8 kernel (see {@link Int8Shadow}). PAD fills
 * with the constant value input (0f when absent); CONCATENATION copies values unchanged; MEAN sums each output's
 * input elements in input (C) order in float, then divides by the element count as a float (TFLM reference
 * {@code Mean}). C twins: {@code tfg_pad_f32.c}, {@code tfg_concat_f32.c}, {@code tfg_mean_f32.c}.
 */
public final class ShapeOpF32Kernel implements OpKernel<ShapeOpF32Params> {
    private final OpKernel<?> int8;

    /** Wraps the int8 kernel ({@link PadKernel}, {@link ConcatenationKernel} or {@link MeanKernel}). */
    public ShapeOpF32Kernel(OpKernel<?> int8) {
        this.int8 = int8;
    }

    @Override
    public ShapeOpF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        int dataInputs = int8 instanceof ConcatenationKernel ? op.inputCount() : 1;
        for (int k = 0; k < dataInputs; k++) {
            FloatSupport.require(g, op, op.input(k), "input " + k, DType.FLOAT32);
        }
        FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        OpParams geometry = int8.prepare(Int8Shadow.of(g, op), op, ctx);
        float pad = 0f;
        if (int8 instanceof PadKernel && op.inputCount() > 2 && op.input(2) >= 0) {
            Tensor c = FloatSupport.require(g, op, op.input(2), "constant value", DType.FLOAT32);
            pad = java.nio.ByteBuffer.wrap(c.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getFloat(0);
        }
        return new ShapeOpF32Params(op, geometry, pad);
    }

    @Override
    public void eval(ShapeOpF32Params p, TensorStore store) {
        if (p.geometry() instanceof PadParams q) {
            pad(q, p.padValue(), store);
        } else if (p.geometry() instanceof ConcatenationParams q) {
            byte[] out = store.bytes(q.output());
            int[] ins = q.inputs();
            int[] copy = q.copySizes();
            int o = 0;
            for (int k = 0; k < q.outerSize(); k++) {
                for (int i = 0; i < ins.length; i++) {
                    System.arraycopy(store.bytes(ins[i]), 4 * k * copy[i], out, o, 4 * copy[i]);
                    o += 4 * copy[i];
                }
            }
        } else if (p.geometry() instanceof MeanParams q) {
            mean(q, store);
        } else {
            throw new IllegalStateException(p.geometry().getClass().getSimpleName());
        }
    }

    private static void pad(PadParams q, float value, TensorStore store) {
        float[] x = FloatSupport.read(store, q.input());
        int[] in = q.inDims();
        int[] out = q.outDims();
        int[] before = q.before();
        int total = 1;
        for (int d : out) {
            total *= d;
        }
        float[] y = new float[total];
        int[] i = new int[in.length];
        for (int o = 0; o < total; o++) {
            int rem = o;
            for (int k = out.length - 1; k >= 0; k--) {
                i[k] = rem % out[k];
                rem /= out[k];
            }
            int src = 0;
            boolean inside = true;
            for (int k = 0; k < in.length; k++) {
                int xk = i[k] - before[k];
                inside &= xk >= 0 && xk < in[k];
                src = src * in[k] + xk;
            }
            y[o] = inside ? x[src] : value;
        }
        FloatSupport.write(store, q.output(), y);
    }

    private static void mean(MeanParams q, TensorStore store) {
        float[] x = FloatSupport.read(store, q.input());
        int[] kd = q.keptDims();
        int[] ks = q.keptStrides();
        int[] rd = q.reducedDims();
        int[] rs = q.reducedStrides();
        int outCount = 1;
        for (int d : kd) {
            outCount *= d;
        }
        float[] y = new float[outCount];
        for (int o = 0; o < outCount; o++) {
            int base = 0;
            int rem = o;
            for (int k = kd.length - 1; k >= 0; k--) {
                base += (rem % kd[k]) * ks[k];
                rem /= kd[k];
            }
            float sum = 0f;
            for (int r = 0; r < q.count(); r++) {
                int off = base;
                int rr = r;
                for (int k = rd.length - 1; k >= 0; k--) {
                    off += (rr % rd[k]) * rs[k];
                    rr /= rd[k];
                }
                sum += x[off];
            }
            y[o] = sum / (float) q.count();
        }
        FloatSupport.write(store, q.output(), y);
    }
}
