package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 AVERAGE_POOL_2D / MAX_POOL_2D, as TFLite's reference float pooling. The window is clipped to the
 * input (padding never counts). Average: {@code total = 0f; count = 0f}, for fy, fx {@code total += x;
 * count += 1f}, then {@code total / count}. Max: starts from -FLT_MAX, {@code m = m < x ? x : m}. Then the
 * fused-activation clamp. The C twins are {@code tfg_avgpool_f32.c} and {@code tfg_maxpool_f32.c}.
 */
public final class Pool2DF32Kernel implements OpKernel<Pool2DF32Params> {
    private final boolean max;

    /** {@code max} true for MAX_POOL_2D, false for AVERAGE_POOL_2D. */
    public Pool2DF32Kernel(boolean max) {
        this.max = max;
    }

    @Override
    public Pool2DF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        Pool2DOptions o = op.options(Pool2DOptions.class);
        FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        PoolGeometry geo = PoolGeometry.of(g, op, o);
        float[] act = FloatSupport.range(op, o.activation());
        return new Pool2DF32Params(op, op.input(0), op.output(0), geo, max, act[0], act[1]);
    }

    @Override
    public void eval(Pool2DF32Params p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        PoolGeometry q = p.geometry();
        float[] y = new float[q.outputElements()];
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
                    for (int c = 0; c < q.channels(); c++) {
                        float total = 0f;
                        float count = 0f;
                        float m = -Float.MAX_VALUE;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                float v = x[((b * q.inH() + y0 + fy) * q.inW() + x0 + fx) * q.channels() + c];
                                total += v;
                                count += 1f;
                                m = m < v ? v : m;
                            }
                        }
                        float r = p.max() ? m : total / count;
                        y[o++] = FloatSupport.clamp(r, p.actMin(), p.actMax());
                    }
                }
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
