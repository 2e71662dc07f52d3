package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/** int8 CONV_2D (per-channel or per-tensor weights), bit-exact with TFLM's reference {@code ConvPerChannel}. */
public final class Conv2DKernel implements OpKernel<Conv2DParams> {

    @Override
    public Conv2DParams prepare(Graph g, Operator op, PrepareContext ctx) {
        Conv2DOptions o = op.options(Conv2DOptions.class);
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
        int outC = w.shape().dim(0);
        int kh = w.shape().dim(1);
        int kw = w.shape().dim(2);
        int filterC = w.shape().dim(3);
        if (filterC <= 0 || inC % filterC != 0) {
            throw ConvSupport.error(op, "input has " + inC + " channels, not a multiple of the weights' "
                    + filterC + "; the model is malformed, re-export it");
        }
        int groups = inC / filterC;
        if (outC % groups != 0) {
            throw ConvSupport.error(op, outC + " output channels cannot be split into " + groups
                    + " groups; the model is malformed, re-export it");
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

        float[] ws = ConvSupport.weightScales(op, w, 0, outC);
        int[][] ms = ConvSupport.multipliers(in.quant().scale(), ws, out.quant().scale(), ctx.rounding());
        int[] act = ConvSupport.activationRange(op, o.activation(), out.quant().scale(), out.quant().zeroPoint());
        return new Conv2DParams(op, in.index(), w.index(), bias, out.index(), batches, inH, inW, inC,
                kh, kw, filterC, outH, outW, outC, groups, o.strideH(), o.strideW(), o.dilationH(), o.dilationW(),
                padH, padW, -in.quant().zeroPoint(), out.quant().zeroPoint(), ms[0], ms[1], act[0], act[1], ctx.rounding());
    }

    @Override
    public void eval(Conv2DParams p, TensorStore store) {
        byte[] x = store.bytes(p.input());
        byte[] w = store.bytes(p.filter());
        byte[] y = store.bytes(p.output());
        int[] bias = ConvSupport.bias(store, p.bias(), p.outC());
        int[] mult = p.multipliers();
        int[] shift = p.shifts();
        int filtersPerGroup = p.outC() / p.groups();
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outH(); oy++) {
                int iy0 = oy * p.strideH() - p.padH();
                for (int ox = 0; ox < p.outW(); ox++) {
                    int ix0 = ox * p.strideW() - p.padW();
                    for (int oc = 0; oc < p.outC(); oc++) {
                        int group = oc / filtersPerGroup;
                        int acc = 0;
                        for (int ky = 0; ky < p.filterH(); ky++) {
                            int iy = iy0 + p.dilationH() * ky;
                            for (int kx = 0; kx < p.filterW(); kx++) {
                                int ix = ix0 + p.dilationW() * kx;
                                if (iy < 0 || iy >= p.inH() || ix < 0 || ix >= p.inW()) {
                                    continue; // taps outside the input are skipped
                                }
                                int xi = ((b * p.inH() + iy) * p.inW() + ix) * p.inC() + group * p.filterC();
                                int wi = ((oc * p.filterH() + ky) * p.filterW() + kx) * p.filterC();
                                for (int ic = 0; ic < p.filterC(); ic++) {
                                    acc += w[wi + ic] * (x[xi + ic] + p.inputOffset());
                                }
                            }
                        }
                        acc += bias[oc];
                        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, mult[oc], shift[oc], p.rounding());
                        acc += p.outputOffset();
                        y[o++] = (byte) Math.max(p.actMin(), Math.min(p.actMax(), acc));
                    }
                }
            }
        }
    }
}
