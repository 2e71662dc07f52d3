package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * AVERAGE_POOL_2D int8, as TFLM's {@code reference_integer_ops::AveragePool}: the window is clipped to the
 * input, raw values are summed, divided by the number of valid taps rounding half away from zero, clamped.
 */
public final class AveragePool2DKernel implements OpKernel<AveragePool2DParams> {

    @Override
    public AveragePool2DParams prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 1, 1);
        Pool2DOptions o = op.options(Pool2DOptions.class);
        int[] range = PoolQuant.check(g, op, o);
        return new AveragePool2DParams(op, op.input(0), op.output(0), PoolGeometry.of(g, op, o), range[0], range[1]);
    }

    @Override
    public void eval(AveragePool2DParams p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] out = store.bytes(p.output());
        PoolGeometry q = p.geometry();
        int o = 0;
        for (int b = 0; b < q.batches(); b++) {
            for (int oy = 0; oy < q.outH(); oy++) {
                int y0 = oy * q.strideH() - q.padH();
                int fyStart = Math.max(0, -y0);
                int fyEnd = Math.min(q.filterH(), q.inH() - y0);
                for (int ox = 0; ox < q.outW(); ox++) {
                    int x0 = ox * q.strideW() - q.padW();
                    int fxStart = Math.max(0, -x0);
                    int fxEnd = Math.min(q.filterW(), q.inW() - x0);
                    int count = (fyEnd - fyStart) * (fxEnd - fxStart);
                    for (int c = 0; c < q.channels(); c++) {
                        int acc = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            int row = (b * q.inH() + y0 + fy) * q.inW();
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                acc += in[(row + x0 + fx) * q.channels() + c];
                            }
                        }
                        // C division truncates toward zero, so this rounds half away from zero
                        int avg = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                        out[o++] = (byte) Math.min(p.actMax(), Math.max(p.actMin(), avg));
                    }
                }
            }
        }
    }
}
