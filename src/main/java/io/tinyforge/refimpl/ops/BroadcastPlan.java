package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Shape;
import java.util.function.IntBinaryOperator;

/**
 * How a binary element-wise operator walks its inputs, as TFLM decides it: when the two input shapes are equal
 * after left-padding with 1s the op is a flat loop over {@code size} elements; otherwise it is TFLM's slow
 * broadcast over the output extended to 6-D, where an input dimension of 1 has stride 0
 * ({@code NdArrayDescsForElementwiseBroadcast}). {@code dims}, {@code strides1}, {@code strides2} always have 6
 * entries (for a flat plan: dims [1,1,1,1,1,size], strides [0,0,0,0,0,1]).
 */
public record BroadcastPlan(boolean broadcast, int size, int[] dims, int[] strides1, int[] strides2) {

    public BroadcastPlan {
        dims = dims.clone();
        strides1 = strides1.clone();
        strides2 = strides2.clone();
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public int[] strides1() {
        return strides1.clone();
    }

    @Override
    public int[] strides2() {
        return strides2.clone();
    }

    /** Plans {@code a op b -> out}; {@code maxRank} is the largest rank TFLM's broadcast path accepts. */
    static BroadcastPlan of(Operator op, Shape a, Shape b, Shape out, int maxRank) {
        int rank = Math.max(a.rank(), b.rank());
        int[] ea = BasicChecks.extend(op, a.dims(), Math.max(rank, 1), "input 1");
        int[] eb = BasicChecks.extend(op, b.dims(), Math.max(rank, 1), "input 2");
        if (java.util.Arrays.equals(ea, eb)) {
            if (a.elements() != out.elements()) {
                throw BasicChecks.fail(op, "inputs " + a + " and output " + out + " differ in size");
            }
            int n = (int) a.elements();
            return new BroadcastPlan(false, n, new int[] {1, 1, 1, 1, 1, n}, new int[] {0, 0, 0, 0, 0, 1},
                    new int[] {0, 0, 0, 0, 0, 1});
        }
        if (rank > maxRank || out.rank() > maxRank) {
            throw BasicChecks.fail(op, "broadcasting " + a + " with " + b + " needs rank <= " + maxRank
                    + " (TFLM's broadcast kernel); reshape the operands");
        }
        int[] x = BasicChecks.extend(op, a.dims(), 6, "input 1");
        int[] y = BasicChecks.extend(op, b.dims(), 6, "input 2");
        int[] o = BasicChecks.extend(op, out.dims(), 6, "output");
        int[] sx = new int[6];
        int[] sy = new int[6];
        int px = 1;
        int py = 1;
        for (int i = 5; i >= 0; i--) {
            if ((x[i] != o[i] && x[i] != 1) || (y[i] != o[i] && y[i] != 1)) {
                throw BasicChecks.fail(op, "shapes " + a + " and " + b + " do not broadcast to the output " + out);
            }
            sx[i] = x[i] == 1 ? 0 : px;
            sy[i] = y[i] == 1 ? 0 : py;
            px *= x[i];
            py *= y[i];
        }
        return new BroadcastPlan(true, (int) out.elements(), o, sx, sy);
    }

    /** Writes {@code f(in1[i1], in2[i2])} to {@code out} for every output element, in output order. */
    void forEach(byte[] in1, byte[] in2, byte[] out, IntBinaryOperator f) {
        if (!broadcast) {
            for (int i = 0; i < size; i++) {
                out[i] = (byte) f.applyAsInt(in1[i], in2[i]);
            }
            return;
        }
        int o = 0;
        for (int d0 = 0, a0 = 0, b0 = 0; d0 < dims[0]; d0++, a0 += strides1[0], b0 += strides2[0]) {
            for (int d1 = 0, a1 = a0, b1 = b0; d1 < dims[1]; d1++, a1 += strides1[1], b1 += strides2[1]) {
                for (int d2 = 0, a2 = a1, b2 = b1; d2 < dims[2]; d2++, a2 += strides1[2], b2 += strides2[2]) {
                    for (int d3 = 0, a3 = a2, b3 = b2; d3 < dims[3]; d3++, a3 += strides1[3], b3 += strides2[3]) {
                        for (int d4 = 0, a4 = a3, b4 = b3; d4 < dims[4]; d4++, a4 += strides1[4],
                                b4 += strides2[4]) {
                            for (int d5 = 0, a5 = a4, b5 = b4; d5 < dims[5]; d5++, a5 += strides1[5],
                                    b5 += strides2[5]) {
                                out[o++] = (byte) f.applyAsInt(in1[a5], in2[b5]);
                            }
                        }
                    }
                }
            }
        }
    }
}
