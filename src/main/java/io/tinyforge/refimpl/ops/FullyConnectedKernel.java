package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * int8 FULLY_CONNECTED, bit-exact with TFLM's reference {@code FullyConnected} (per-tensor weights) and
 * {@code FullyConnectedPerChannel}.
 */
public final class FullyConnectedKernel implements OpKernel<FullyConnectedParams> {

    @Override
    public FullyConnectedParams prepare(Graph g, Operator op, PrepareContext ctx) {
        FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
        Tensor in = ConvSupport.require(g, op, op.input(0), "input", DType.INT8, true);
        Tensor w = ConvSupport.require(g, op, op.input(1), "weights", DType.INT8, true);
        Tensor out = ConvSupport.require(g, op, op.output(0), "output", DType.INT8, true);
        ConvSupport.requireRank(op, w, "weights", 2);
        ConvSupport.requireConstant(op, w, "weights");
        ConvSupport.requirePerTensor(op, in, "input");
        ConvSupport.requirePerTensor(op, out, "output");

        int outDepth = w.shape().dim(0);
        int accumDepth = w.shape().dim(1);
        int outRank = out.shape().rank();
        if (outRank < 1 || out.shape().fromEnd(1) != outDepth) {
            throw ConvSupport.error(op, "output " + out + " must end in " + outDepth
                    + " (the weights' rows); the model is malformed, re-export it");
        }
        long batchesL = out.shape().elements() / outDepth;
        if (accumDepth <= 0 || in.shape().elements() != batchesL * accumDepth) {
            throw ConvSupport.error(op, "input " + in + " does not hold " + batchesL + " rows of " + accumDepth
                    + " values; the model is malformed, re-export it");
        }
        int batches = (int) batchesL;
        int bias = op.input(2);
        ConvSupport.requireBias(g, op, bias, outDepth);

        boolean perChannel = w.quant().perChannel();
        float[] ws;
        int filterOffset = 0;
        if (perChannel) {
            ConvSupport.requireSymmetric(op, w);
            ws = ConvSupport.weightScales(op, w, 0, outDepth);
        } else {
            ws = new float[] {w.quant().scale()};
            filterOffset = -w.quant().zeroPoint();
            if (bias >= 0 && g.tensor(bias).hasQuant()) {
                // TFLite GetQuantizedConvolutionMultipler: the bias scale must be s_in * s_w
                double product = (double) in.quant().scale() * (double) w.quant().scale();
                double biasScale = g.tensor(bias).quant().scale();
                if (Math.abs(product - biasScale) > 1e-6 * Math.min(product, biasScale)) {
                    throw ConvSupport.error(op, "bias scale " + biasScale + " differs from input scale x weight scale "
                            + product + "; re-convert the model");
                }
            }
        }
        int[][] ms = ConvSupport.multipliers(in.quant().scale(), ws, out.quant().scale(), ctx.rounding());
        int[] act = ConvSupport.activationRange(op, o.activation(), out.quant().scale(), out.quant().zeroPoint());
        return new FullyConnectedParams(op, in.index(), w.index(), bias, out.index(), batches, accumDepth, outDepth,
                -in.quant().zeroPoint(), filterOffset, out.quant().zeroPoint(), perChannel, ms[0], ms[1],
                act[0], act[1], ctx.rounding());
    }

    @Override
    public void eval(FullyConnectedParams p, TensorStore store) {
        byte[] x = store.bytes(p.input());
        byte[] w = store.bytes(p.filter());
        byte[] y = store.bytes(p.output());
        int[] bias = ConvSupport.bias(store, p.bias(), p.outDepth());
        int[] mult = p.multipliers();
        int[] shift = p.shifts();
        int depth = p.accumDepth();
        for (int b = 0; b < p.batches(); b++) {
            for (int oc = 0; oc < p.outDepth(); oc++) {
                int acc = 0;
                for (int d = 0; d < depth; d++) {
                    acc += (w[oc * depth + d] + p.filterOffset()) * (x[b * depth + d] + p.inputOffset());
                }
                acc += bias[oc];
                int q = p.perChannel() ? oc : 0;
                acc = FixedPoint.multiplyByQuantizedMultiplier(acc, mult[q], shift[q], p.rounding());
                acc += p.outputOffset();
                y[b * p.outDepth() + oc] = (byte) Math.max(p.actMin(), Math.min(p.actMax(), acc));
            }
        }
    }
}
