package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import java.util.ArrayList;
import java.util.List;

/**
 * MEAN int8 over constant axes, as TFLM's {@code reduce_common.cc} int8 path
 * ({@code reference_ops::QuantizedMeanOrSum} with {@code compute_sum = false}): an int32 sum per output, the
 * zero point removed, then one rescale by s_in/s_out folded with 1/count. The same code serves the common
 * H,W reduction (global average pooling) and any other axis set.
 */
public final class MeanKernel implements OpKernel<MeanParams> {

    /** Most kept (or reduced) dimensions, as the C kernel's {@code TFG_MEAN_MAX_RANK}. */
    static final int MAX_RANK = 6;

    @Override
    public MeanParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 2, 2);
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.INT8);
        BasicChecks.dtype(op, out, "output", DType.INT8);
        BasicChecks.perTensor(op, in, "input");
        BasicChecks.perTensor(op, out, "output");
        BasicChecks.zeroPointInRange(op, in, "input");
        BasicChecks.zeroPointInRange(op, out, "output");
        int[] dims = in.shape().dims();
        int rank = dims.length;
        boolean[] reduced = new boolean[rank];
        for (int a : ConstantInts.read(op, BasicChecks.input(g, op, 1), "axes")) {
            int r = a < 0 ? a + rank : a;
            if (r < 0 || r >= rank) {
                throw BasicChecks.fail(op, "axis " + a + " is outside the input rank " + rank);
            }
            reduced[r] = true;
        }
        List<int[]> kept = new ArrayList<>();
        List<int[]> red = new ArrayList<>();
        long count = 1;
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            if (dims[i] == 0) {
                throw BasicChecks.fail(op, "input " + in.shape() + " is empty");
            }
            (reduced[i] ? red : kept).add(0, new int[] {dims[i], stride});
            if (reduced[i]) {
                count *= dims[i];
            }
            stride *= dims[i];
        }
        if (kept.size() > MAX_RANK || red.size() > MAX_RANK) {
            throw BasicChecks.fail(op, "input " + in.shape() + " has rank " + rank + "; at most " + MAX_RANK
                    + " kept and " + MAX_RANK + " reduced dimensions are supported");
        }
        // an empty side becomes one dimension of extent 1, so the C kernel never sees a zero-length array
        if (kept.isEmpty()) {
            kept.add(new int[] {1, 0});
        }
        if (red.isEmpty()) {
            red.add(new int[] {1, 0});
        }
        if (in.shape().elements() / count != out.shape().elements()) {
            throw BasicChecks.fail(op, "output " + out.shape() + " does not hold the " + in.shape().elements() / count
                    + " means of input " + in.shape());
        }
        QuantizedMultiplier m = QuantizedMultiplier.of((double) in.quant().scale() / (double) out.quant().scale(),
                ctx.rounding());
        // TFLM folds 1/count into the multiplier: shift = floor(log2(count)), capped at 32 and at 31 + shift
        int s = Math.min(63 - Long.numberOfLeadingZeros(count), 32);
        s = Math.min(s, 31 + m.shift());
        int multiplier = (int) (((long) m.multiplier() << s) / count);
        int shift = m.shift() - s;
        return new MeanParams(op, op.input(0), op.output(0), column(kept, 0), column(kept, 1), column(red, 0),
                column(red, 1), (int) count, in.quant().zeroPoint(), out.quant().zeroPoint(), multiplier, shift,
                ctx.rounding());
    }

    private static int[] column(List<int[]> rows, int c) {
        int[] v = new int[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[c];
        }
        return v;
    }

    @Override
    public void eval(MeanParams p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] out = store.bytes(p.output());
        int[] kd = p.keptDims();
        int[] ks = p.keptStrides();
        int[] rd = p.reducedDims();
        int[] rs = p.reducedStrides();
        int n = p.outputElements();
        int[] ki = new int[kd.length];
        int base = 0;
        for (int o = 0; o < n; o++) {
            int sum = 0;
            int[] ri = new int[rd.length];
            int off = base;
            for (int r = 0; r < p.count(); r++) {
                sum += in[off];
                off = next(ri, rd, rs, off);
            }
            int shifted = (int) (sum - (long) p.inputZeroPoint() * p.count());
            int v = FixedPoint.multiplyByQuantizedMultiplier(shifted, p.multiplier(), p.shift(), p.rounding())
                    + p.outputZeroPoint();
            out[o] = (byte) FixedPoint.clampInt8(v);
            base = next(ki, kd, ks, base);
        }
    }

    /** Advances the odometer {@code idx} over {@code dims} (last fastest) and returns the new element offset. */
    private static int next(int[] idx, int[] dims, int[] strides, int off) {
        for (int i = idx.length - 1; i >= 0; i--) {
            idx[i]++;
            off += strides[i];
            if (idx[i] < dims[i]) {
                return off;
            }
            off -= strides[i] * dims[i];
            idx[i] = 0;
        }
        return off;
    }
}
