package io.tinyforge.prune;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;

/**
 * The Java reference of the sparse kernels ({@code tfg_fully_connected_sp_s8}, {@code tfg_conv2d_sp_s8}): the
 * same prepared params as the dense int8 kernels, the filter read from a {@link SparseLayout} entry by entry
 * (zeros never visited), and the same int32 accumulation, bias, rescaling and clamp. With the weights' zero point
 * 0 the outputs equal the dense kernels' bit for bit (the tests check it on pruned models).
 */
public final class SparseReference {

    private SparseReference() {
    }

    /** FULLY_CONNECTED: {@code x} is batches × accumDepth int8, {@code bias} one int32 per output (zeros if none). */
    public static byte[] fullyConnected(FullyConnectedParams p, SparseLayout w, byte[] x, int[] bias) {
        if (p.filterOffset() != 0) {
            throw new IllegalArgumentException("sparse weights need filter offset 0, not " + p.filterOffset());
        }
        int[] rs = w.rowStart();
        int[] mult = p.multipliers();
        int[] shift = p.shifts();
        byte[] y = new byte[p.batches() * p.outDepth()];
        for (int b = 0; b < p.batches(); b++) {
            for (int oc = 0; oc < p.outDepth(); oc++) {
                int acc = 0;
                int d = -1;
                for (int e = rs[oc]; e < rs[oc + 1]; e++) {
                    d += w.gap(e) + 1;
                    acc += w.weight(e) * (x[b * p.accumDepth() + d] + p.inputOffset());
                }
                acc += bias[oc];
                int q = p.perChannel() ? oc : 0;
                acc = FixedPoint.multiplyByQuantizedMultiplier(acc, mult[q], shift[q], p.rounding());
                acc += p.outputOffset();
                y[b * p.outDepth() + oc] = (byte) Math.max(p.actMin(), Math.min(p.actMax(), acc));
            }
        }
        return y;
    }

    /** CONV_2D (NHWC input, OHWI filter, groups): taps outside the input are skipped like the dense kernel. */
    public static byte[] conv2d(Conv2DParams p, SparseLayout w, byte[] x, int[] bias) {
        int[] rs = w.rowStart();
        int[] mult = p.multipliers();
        int[] shift = p.shifts();
        int perGroup = p.outC() / p.groups();
        byte[] y = new byte[p.batches() * p.outH() * p.outW() * p.outC()];
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outH(); oy++) {
                for (int ox = 0; ox < p.outW(); ox++) {
                    int iy0 = oy * p.strideH() - p.padH();
                    int ix0 = ox * p.strideW() - p.padW();
                    for (int oc = 0; oc < p.outC(); oc++) {
                        int group = oc / perGroup;
                        int acc = 0;
                        int pos = -1;
                        for (int e = rs[oc]; e < rs[oc + 1]; e++) {
                            pos += w.gap(e) + 1;
                            int ic = pos % p.filterC();
                            int kx = pos / p.filterC() % p.filterW();
                            int ky = pos / (p.filterC() * p.filterW());
                            int iy = iy0 + p.dilationH() * ky;
                            int ix = ix0 + p.dilationW() * kx;
                            if (iy < 0 || iy >= p.inH() || ix < 0 || ix >= p.inW()) {
                                continue;
                            }
                            int xi = ((b * p.inH() + iy) * p.inW() + ix) * p.inC() + group * p.filterC() + ic;
                            acc += w.weight(e) * (x[xi] + p.inputOffset());
                        }
                        acc += bias[oc];
                        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, mult[oc], shift[oc], p.rounding());
                        acc += p.outputOffset();
                        y[((b * p.outH() + oy) * p.outW() + ox) * p.outC() + oc] =
                                (byte) Math.max(p.actMin(), Math.min(p.actMax(), acc));
                    }
                }
            }
        }
        return y;
    }
}
