package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/** int8 DEPTHWISE_CONV_2D, bit-exact with TFLM's reference {@code DepthwiseConvPerChannel}. */
public final class DepthwiseConv2DKernel implements OpKernel<DepthwiseConv2DParams> {

    @Override
    public DepthwiseConv2DParams prepare(Graph g, Operator op, PrepareContext ctx) {
        DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
        Tensor in = ConvSupport.require(g, op, op.input(0), "input", DType.INT8, true);
        Tensor w = ConvSupport.require(g, op, op.input(1), "weights", DType.INT8, true);
        Tensor out = ConvSupport.require(g, op, op.output(0), "output", DType.INT8, true);
        ConvSupport.requireRank(op, in, "input", 4);
        ConvSupport.requireRank(op, w, "weights", 4);
        ConvSupport.requireRank(op, out, "output", 4);
        ConvSupport.requireConstant(op, w, "weights");
        ConvSupport.requirePerTensor(op, in, "input");
        ConvSupport.requirePerTensor(op, out, "output");
        ConvSupport.requireSymmetric(op, w);

        int batches = in.shape().dim(0);
        int inH = in.shape().dim(1);
        int inW = in.shape().dim(2);
        int inC = in.shape().dim(3);
        int kh = w.shape().dim(1);
        int kw = w.shape().dim(2);
        int outC = w.shape().dim(3);
        if (w.shape().dim(0) != 1) {
            throw ConvSupport.error(op, "weights " + w + " must have shape [1, KH, KW, C]; the model is malformed, "
                    + "re-export it");
        }
        // depth_multiplier 0 appears in some old files: the channel counts then decide it
        int dm = o.depthMultiplier() > 0 ? o.depthMultiplier() : (inC > 0 ? outC / inC : 0);
        if (dm <= 0 || inC * dm != outC) {
            throw ConvSupport.error(op, "depth_multiplier " + o.depthMultiplier() + " does not map " + inC
                    + " input channels onto " + outC + " output channels; the model is malformed, re-export it");
        }
        int outH = ConvSupport.outSize(op, o.padding(), inH, kh, o.strideH(), o.dilationH());
        int outW = ConvSupport.outSize(op, o.padding(), inW, kw, o.strideW(), o.dilationW());
        int[] expected = {batches, outH, outW, outC};
        if (!java.util.Arrays.equals(expected, out.shape().dims())) {
            throw ConvSupport.error(op, "output " + out + " should have shape "
                    + java.util.Arrays.toString(expected) + "; the model is malformed, re-export it");
        }
        int bias = op.input(2);
        ConvSupport.requireBias(g, op, bias, outC);
        int padH = ConvSupport.padding(o.strideH(), o.dilationH(), inH, kh, outH);
        int padW = ConvSupport.padding(o.strideW(), o.dilationW(), inW, kw, outW);

        float[] ws = ConvSupport.weightScales(op, w, 3, outC);
        int[][] ms = ConvSupport.multipliers(in.quant().scale(), ws, out.quant().scale(), ctx.rounding());
        int[] act = ConvSupport.activationRange(op, o.activation(), out.quant().scale(), out.quant().zeroPoint());
        return new DepthwiseConv2DParams(op, in.index(), w.index(), bias, out.index(), batches, inH, inW, inC,
                kh, kw, outH, outW, outC, dm, o.strideH(), o.strideW(), o.dilationH(), o.dilationW(), padH, padW,
                -in.quant().zeroPoint(), out.quant().zeroPoint(), ms[0], ms[1], act[0], act[1], ctx.rounding());
    }

    @Override
    public void eval(DepthwiseConv2DParams p, TensorStore store) {
        byte[] x = store.bytes(p.input());
        byte[] w = store.bytes(p.filter());
        byte[] y = store.bytes(p.output());
        int[] bias = ConvSupport.bias(store, p.bias(), p.outC());
        int[] mult = p.multipliers();
        int[] shift = p.shifts();
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outH(); oy++) {
                int iy0 = oy * p.strideH() - p.padH();
                for (int ox = 0; ox < p.outW(); ox++) {
                    int ix0 = ox * p.strideW() - p.padW();
                    int o = ((b * p.outH() + oy) * p.outW() + ox) * p.outC();
                    for (int ic = 0; ic < p.inC(); ic++) {
                        for (int m = 0; m < p.depthMultiplier(); m++) {
                            int oc = ic * p.depthMultiplier() + m;
                            int acc = 0;
                            for (int ky = 0; ky < p.filterH(); ky++) {
                                int iy = iy0 + p.dilationH() * ky;
                                for (int kx = 0; kx < p.filterW(); kx++) {
                                    int ix = ix0 + p.dilationW() * kx;
                                    if (iy < 0 || iy >= p.inH() || ix < 0 || ix >= p.inW()) {
                                        continue; // taps outside the input are skipped
                                    }
                                    int xv = x[((b * p.inH() + iy) * p.inW() + ix) * p.inC() + ic];
                                    int wv = w[(ky * p.filterW() + kx) * p.outC() + oc];
                                    acc += wv * (xv + p.inputOffset());
                                }
                            }
                            acc += bias[oc];
                            acc = FixedPoint.multiplyByQuantizedMultiplier(acc, mult[oc], shift[oc], p.rounding());
                            acc += p.outputOffset();
                            y[o + oc] = (byte) Math.max(p.actMin(), Math.min(p.actMax(), acc));
                        }
                    }
                }
            }
        }
    }
}
