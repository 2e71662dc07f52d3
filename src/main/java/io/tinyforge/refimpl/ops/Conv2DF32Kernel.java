package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 CONV_2D (float32 or float16 weights), as TFLite's reference float {@code Conv}. Accumulation order
 * (the contract with {@code tfg_conv2d_f32.c}): per output element {@code total = 0f}, then for ky, kx, ic (in
 * that nesting, taps outside the input skipped) {@code total += x * w}, then {@code total + bias}, then clamp.
 */
public final class Conv2DF32Kernel implements OpKernel<Conv2DF32Params> {

    @Override
    public Conv2DF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        Conv2DOptions o = op.options(Conv2DOptions.class);
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor w = FloatSupport.require(g, op, op.input(1), "weights", DType.FLOAT32, DType.FLOAT16);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        ConvShape s = ConvShape.of(op, in, w, out, o.padding(), o.strideH(), o.strideW(), o.dilationH(),
                o.dilationW());
        if (s.filterC() <= 0 || s.inC() % s.filterC() != 0 || s.outC() != s.filterN()
                || s.outC() % (s.inC() / s.filterC()) != 0) {
            throw FloatSupport.error(op, "weights " + w + " do not fit input " + in + " and output " + out);
        }
        int bias = op.inputCount() > 2 ? op.input(2) : -1;
        FloatSupport.requireFloatBias(g, op, bias, s.outC());
        float[] act = FloatSupport.range(op, o.activation());
        return new Conv2DF32Params(op, in.index(), w.index(), bias, out.index(), s, w.dtype() == DType.FLOAT16,
                act[0], act[1]);
    }

    @Override
    public void eval(Conv2DF32Params p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        float[] w = FloatSupport.read(store, p.filter());
        float[] bias = FloatSupport.read(store, p.bias());
        ConvShape s = p.shape();
        float[] y = new float[s.batches() * s.outH() * s.outW() * s.outC()];
        int perGroup = s.outC() / (s.inC() / s.filterC());
        int o = 0;
        for (int b = 0; b < s.batches(); b++) {
            for (int oy = 0; oy < s.outH(); oy++) {
                int iy0 = oy * s.strideH() - s.padH();
                for (int ox = 0; ox < s.outW(); ox++) {
                    int ix0 = ox * s.strideW() - s.padW();
                    for (int oc = 0; oc < s.outC(); oc++) {
                        int group = oc / perGroup;
                        float total = 0f;
                        for (int ky = 0; ky < s.filterH(); ky++) {
                            int iy = iy0 + s.dilationH() * ky;
                            if (iy < 0 || iy >= s.inH()) {
                                continue;
                            }
                            for (int kx = 0; kx < s.filterW(); kx++) {
                                int ix = ix0 + s.dilationW() * kx;
                                if (ix < 0 || ix >= s.inW()) {
                                    continue;
                                }
                                int xi = ((b * s.inH() + iy) * s.inW() + ix) * s.inC() + group * s.filterC();
                                int wi = ((oc * s.filterH() + ky) * s.filterW() + kx) * s.filterC();
                                for (int ic = 0; ic < s.filterC(); ic++) {
                                    total += x[xi + ic] * w[wi + ic];
                                }
                            }
                        }
                        float bv = bias == null ? 0f : bias[oc];
                        y[o++] = FloatSupport.clamp(total + bv, p.actMin(), p.actMax());
                    }
                }
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
