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
 * float32 FULLY_CONNECTED with float32 or float16 weights, as TFLite's reference float {@code FullyConnected}.
 * Accumulation order (the contract with {@code tfg_fully_connected_f32.c}): {@code total = 0f; for d in
 * 0..accumDepth-1: total += x[d] * w[oc][d]}, then {@code total + bias[oc]} (0f when absent), then the clamp.
 */
public final class FullyConnectedF32Kernel implements OpKernel<FullyConnectedF32Params> {

    @Override
    public FullyConnectedF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
        Tensor in = FloatSupport.require(g, op, op.input(0), "input", DType.FLOAT32);
        Tensor w = FloatSupport.require(g, op, op.input(1), "weights", DType.FLOAT32, DType.FLOAT16);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        ConvSupport.requireRank(op, w, "weights", 2);
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
        float[] act = FloatSupport.range(op, o.activation());
        return new FullyConnectedF32Params(op, in.index(), w.index(), bias, out.index(), (int) batches, accumDepth,
                outDepth, w.dtype() == DType.FLOAT16, act[0], act[1]);
    }

    @Override
    public void eval(FullyConnectedF32Params p, TensorStore store) {
        float[] x = FloatSupport.read(store, p.input());
        float[] w = FloatSupport.read(store, p.filter());
        float[] bias = FloatSupport.read(store, p.bias());
        int depth = p.accumDepth();
        float[] y = new float[p.batches() * p.outDepth()];
        for (int b = 0; b < p.batches(); b++) {
            for (int oc = 0; oc < p.outDepth(); oc++) {
                float total = 0f;
                for (int d = 0; d < depth; d++) {
                    total += x[b * depth + d] * w[oc * depth + d];
                }
                float bv = bias == null ? 0f : bias[oc];
                y[b * p.outDepth() + oc] = FloatSupport.clamp(total + bv, p.actMin(), p.actMax());
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
