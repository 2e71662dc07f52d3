package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * Dynamic-range FULLY_CONNECTED (float32 activations, int8 weights), as TFLite's {@code EvalHybrid}: per batch
 * row, the input is quantized to int8 with factor {@code sf}, symmetrically or, with
 * {@code asymmetricQuantizeInputs}, asymmetrically with zero point {@code zp} (0 when symmetric);
 * {@code dot = sum w[oc][d] * (q[d] - zp)} in int32 (TFLite subtracts row sums times zp: the same integer);
 * {@code y = bias[oc] + (float) dot * (sf * s_w[oc or 0])} (bias 0f when absent); then the clamp. C twin:
 * {@code tfg_fully_connected_hybrid_s8.c}.
 */
public final class FullyConnectedHybridKernel implements OpKernel<FullyConnectedHybridParams> {

    @Override
    public FullyConnectedHybridParams prepare(Graph g, Operator op, PrepareContext ctx) {
        FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor w = FloatSupport.require(g, op, op.input(1), "weights", DType.INT8);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        ConvSupport.requireRank(op, w, "weights", 2);
        ConvSupport.requireConstant(op, w, "weights");
        if (!w.hasQuant()) {
            throw FloatSupport.error(op, "int8 weights " + w + " have no scale");
        }
        ConvSupport.requireSymmetric(op, w);
        int outDepth = w.shape().dim(0);
        int accumDepth = w.shape().dim(1);
        if (out.shape().rank() < 1 || out.shape().fromEnd(1) != outDepth) {
            throw FloatSupport.error(op, "output " + out + " must end in " + outDepth + " (the weights' rows)");
        }
        long batches = out.shape().elements() / outDepth;
        if (accumDepth <= 0 || in.shape().elements() != batches * accumDepth) {
            throw FloatSupport.error(op, "input " + in + " does not hold " + batches + " rows of " + accumDepth);
        }
        int bias = op.inputCount() > 2 ? op.input(2) : -1;
        FloatSupport.requireFloatBias(g, op, bias, outDepth);
        float[] scales = w.quant().scales();
        if (scales.length != 1) {
            scales = ConvSupport.weightScales(op, w, 0, outDepth);
        }
        float[] act = FloatSupport.range(op, o.activation());
        return new FullyConnectedHybridParams(op, in.index(), w.index(), bias, out.index(), (int) batches,
                accumDepth, outDepth, scales, o.asymmetricQuantizeInputs(), act[0], act[1]);
    }

    @Override
    public void eval(FullyConnectedHybridParams p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        byte[] w = store.bytes(p.filter());
        float[] bias = FloatSupport.read(store, p.bias());
        float[] ws = p.weightScales();
        int depth = p.accumDepth();
        byte[] q = new byte[depth];
        int[] zp = new int[1];
        float[] y = new float[p.batches() * p.outDepth()];
        for (int b = 0; b < p.batches(); b++) {
            float sf = p.asymmetric() ? HybridQuantizer.quantizeAsymmetric(x, b * depth, depth, q, zp)
                    : HybridQuantizer.quantize(x, b * depth, depth, q);
            for (int oc = 0; oc < p.outDepth(); oc++) {
                int dot = 0;
                for (int d = 0; d < depth; d++) {
                    dot += w[oc * depth + d] * (q[d] - zp[0]);
                }
                float scale = sf * ws[p.perChannel() ? oc : 0];
                float bv = bias == null ? 0f : bias[oc];
                y[b * p.outDepth() + oc] = FloatSupport.clamp(bv + (float) dot * scale, p.actMin(), p.actMax());
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
