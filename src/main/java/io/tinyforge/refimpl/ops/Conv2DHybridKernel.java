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
 * Dynamic-range CONV_2D (float32 activations, symmetric int8 weights), as TFLite's conv {@code EvalHybrid}
 * (one weight scale: symmetric input quantization) / {@code EvalHybridPerChannel} (differing scales: asymmetric
 * input quantization with zero point {@code zp}). Per batch the whole input image is quantized (factor
 * {@code sf}); {@code acc} = int32 sum of w * (q - zp) over the taps inside the input (ky, kx, ic); then
 * per tensor {@code (float) acc * (sf * s_w) + bias}, per channel {@code ((float) acc * s_w[oc]) * sf + bias}
 * (bias 0f when absent); then the clamp. C twin: {@code tfg_conv2d_hybrid_s8.c}.
 */
public final class Conv2DHybridKernel implements OpKernel<Conv2DHybridParams> {

    @Override
    public Conv2DHybridParams prepare(Graph g, Operator op, PrepareContext ctx) {
        Conv2DOptions o = op.options(Conv2DOptions.class);
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor w = FloatSupport.require(g, op, op.input(1), "weights", DType.INT8);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        ConvSupport.requireConstant(op, w, "weights");
        if (!w.hasQuant()) {
            throw FloatSupport.error(op, "int8 weights " + w + " have no scale");
        }
        ConvSupport.requireSymmetric(op, w);
        ConvShape s = ConvShape.of(op, in, w, out, o.padding(), o.strideH(), o.strideW(), o.dilationH(),
                o.dilationW());
        if (s.filterC() != s.inC() || s.outC() != s.filterN()) {
            throw FloatSupport.error(op, "weights " + w + " do not fit input " + in + " and output " + out
                    + " (grouped hybrid convolution is not supported)");
        }
        int bias = op.inputCount() > 2 ? op.input(2) : -1;
        FloatSupport.requireFloatBias(g, op, bias, s.outC());
        float[] scales = ConvSupport.weightScales(op, w, 0, s.outC());
        boolean perChannel = false;
        for (float sc : scales) {
            perChannel |= sc != scales[0];
        }
        float[] act = FloatSupport.range(op, o.activation());
        return new Conv2DHybridParams(op, in.index(), w.index(), bias, out.index(), s, scales, perChannel,
                act[0], act[1]);
    }

    @Override
    public void eval(Conv2DHybridParams p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        byte[] w = store.bytes(p.filter());
        float[] bias = FloatSupport.read(store, p.bias());
        float[] ws = p.weightScales();
        ConvShape s = p.shape();
        int size = s.inH() * s.inW() * s.inC();
        byte[] q = new byte[size];
        int[] zp = new int[1];
        float[] y = new float[s.batches() * s.outH() * s.outW() * s.outC()];
        int o = 0;
        for (int b = 0; b < s.batches(); b++) {
            float sf = p.perChannel() ? HybridQuantizer.quantizeAsymmetric(x, b * size, size, q, zp)
                    : HybridQuantizer.quantize(x, b * size, size, q);
            float sfw = sf * ws[0];
            for (int oy = 0; oy < s.outH(); oy++) {
                int iy0 = oy * s.strideH() - s.padH();
                for (int ox = 0; ox < s.outW(); ox++) {
                    int ix0 = ox * s.strideW() - s.padW();
                    for (int oc = 0; oc < s.outC(); oc++) {
                        int acc = 0;
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
                                int xi = (iy * s.inW() + ix) * s.inC();
                                int wi = ((oc * s.filterH() + ky) * s.filterW() + kx) * s.filterC();
                                for (int ic = 0; ic < s.filterC(); ic++) {
                                    acc += w[wi + ic] * (q[xi + ic] - zp[0]);
                                }
                            }
                        }
                        float v = p.perChannel() ? ((float) acc * ws[oc]) * sf : (float) acc * sfw;
                        float bv = bias == null ? 0f : bias[oc];
                        y[o++] = FloatSupport.clamp(v + bv, p.actMin(), p.actMax());
                    }
                }
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
