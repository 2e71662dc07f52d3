package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 DEPTHWISE_CONV_2D (float32 or float16 weights), as TFLite's reference float {@code DepthwiseConv}.
 * Order (contract with {@code tfg_depthwise_conv2d_f32.c}): output channel {@code oc = ic * depthMultiplier + m};
 * {@code total = 0f}, for ky, kx (taps outside the input skipped) {@code total += x * w}, then
 * {@code total + bias}, then clamp.
 */
public final class DepthwiseConv2DF32Kernel implements OpKernel<DepthwiseConv2DF32Params> {

    @Override
    public DepthwiseConv2DF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor w = FloatSupport.require(g, op, op.input(1), "weights", DType.FLOAT32, DType.FLOAT16);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        ConvShape s = ConvShape.of(op, in, w, out, o.padding(), o.strideH(), o.strideW(), o.dilationH(),
                o.dilationW());
        if (s.filterN() != 1 || s.inC() <= 0 || s.outC() % s.inC() != 0 || s.filterC() != s.outC()) {
            throw FloatSupport.error(op, "weights " + w + " do not fit input " + in + " and output " + out);
        }
        int bias = op.inputCount() > 2 ? op.input(2) : -1;
        FloatSupport.requireFloatBias(g, op, bias, s.outC());
        float[] act = FloatSupport.range(op, o.activation());
        return new DepthwiseConv2DF32Params(op, in.index(), w.index(), bias, out.index(), s, s.outC() / s.inC(),
                w.dtype() == DType.FLOAT16, act[0], act[1]);
    }

    @Override
    public void eval(DepthwiseConv2DF32Params p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        float[] w = FloatSupport.read(store, p.filter());
        float[] bias = FloatSupport.read(store, p.bias());
        ConvShape s = p.shape();
        int dm = p.depthMultiplier();
        float[] y = new float[s.batches() * s.outH() * s.outW() * s.outC()];
        for (int b = 0; b < s.batches(); b++) {
            for (int oy = 0; oy < s.outH(); oy++) {
                int iy0 = oy * s.strideH() - s.padH();
                for (int ox = 0; ox < s.outW(); ox++) {
                    int ix0 = ox * s.strideW() - s.padW();
                    for (int ic = 0; ic < s.inC(); ic++) {
                        for (int m = 0; m < dm; m++) {
                            int oc = ic * dm + m;
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
                                    total += x[((b * s.inH() + iy) * s.inW() + ix) * s.inC() + ic]
                                            * w[(ky * s.filterW() + kx) * s.outC() + oc];
                                }
                            }
                            float bv = bias == null ? 0f : bias[oc];
                            y[((b * s.outH() + oy) * s.outW() + ox) * s.outC() + oc] =
                                    FloatSupport.clamp(total + bv, p.actMin(), p.actMax());
                        }
                    }
                }
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
