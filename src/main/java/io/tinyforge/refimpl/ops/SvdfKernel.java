package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.SvdfOptions;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * SVDF with int8 input and weights_feature, and int8 or int16 weights_time and state (the same type for both),
 * bit-exact with TFLM's {@code EvalIntegerSvdfReference<int8_t>} / {@code <int16_t>}: shift the state one step left, write the requantized feature
 * products as the newest column, dot each filter's memory with weights_time, sum rank filters per unit, add
 * the bias and requantize to the output. Like TFLM's integer path, the fused activation is not applied
 * (only the int8 clamp); the converter folds it into the output range.
 */
public final class SvdfKernel implements OpKernel<SvdfParams> {

    @Override
    public SvdfParams prepare(Graph g, Operator op, PrepareContext ctx) {
        String where = "operator " + op.index() + " SVDF";
        if (op.inputCount() != 5 || op.outputCount() != 1) {
            throw new ModelException(where + ": expected 5 inputs and 1 output, found " + op.inputCount()
                    + " and " + op.outputCount());
        }
        SvdfOptions opts = op.options(SvdfOptions.class);
        Tensor in = g.tensor(op.input(0));
        Tensor wf = g.tensor(op.input(1));
        Tensor wt = g.tensor(op.input(2));
        int biasIdx = op.input(3);
        Tensor state = g.tensor(op.input(4));
        Tensor out = g.tensor(op.output(0));
        if (in.dtype() != DType.INT8 || wf.dtype() != DType.INT8) {
            throw new ModelException(where + ": only int8 input and int8 weights_feature are supported (found "
                    + in.dtype().label() + ", " + wf.dtype().label() + ")");
        }
        if (wt.dtype() != state.dtype() || (wt.dtype() != DType.INT8 && wt.dtype() != DType.INT16)) {
            throw new ModelException(where + ": weights_time and state must both be int8 or both int16 (found "
                    + wt.dtype().label() + ", " + state.dtype().label() + ")");
        }
        if (out.dtype() != DType.INT8) {
            throw new ModelException(where + ": output must be int8, found " + out.dtype().label());
        }
        if (!state.variable()) {
            throw new ModelException(where + ": input 4 (activation state) must be a variable tensor");
        }
        if (!wf.isConstant() || !wt.isConstant()) {
            throw new ModelException(where + ": weights_feature and weights_time must be constant");
        }
        if (in.shape().rank() != 2 || wf.shape().rank() != 2 || wt.shape().rank() != 2
                || state.shape().rank() != 2 || out.shape().rank() != 2) {
            throw new ModelException(where + ": input, weights, state and output must all be 2-D");
        }
        int batches = in.shape().dim(0);
        int inputSize = in.shape().dim(1);
        int numFilters = wf.shape().dim(0);
        int rank = opts.rank();
        if (rank <= 0 || numFilters % rank != 0) {
            throw new ModelException(where + ": rank " + rank + " does not divide " + numFilters + " filters");
        }
        int numUnits = numFilters / rank;
        int memory = wt.shape().dim(1);
        if (wf.shape().dim(1) != inputSize || wt.shape().dim(0) != numFilters
                || state.shape().dim(0) != batches || state.shape().dim(1) != memory * numFilters
                || out.shape().dim(0) != batches || out.shape().dim(1) != numUnits) {
            throw new ModelException(where + ": inconsistent shapes input " + in.shape() + ", weights_feature "
                    + wf.shape() + ", weights_time " + wt.shape() + ", state " + state.shape() + ", output "
                    + out.shape());
        }
        for (Tensor t : new Tensor[] {in, wf, wt, state, out}) {
            if (!t.hasQuant() || t.quant().perChannel()) {
                throw new ModelException(where + ": tensor " + t.index() + " needs per-tensor quantization");
            }
        }
        float sIn = in.quant().scale();
        float sWf = wf.quant().scale();
        float sWt = wt.quant().scale();
        float sState = state.quant().scale();
        float sOut = out.quant().scale();
        if (biasIdx >= 0) {
            Tensor bias = g.tensor(biasIdx);
            if (bias.dtype() != DType.INT32 || !bias.isConstant() || bias.shape().elements() != numUnits) {
                throw new ModelException(where + ": bias must be a constant int32 vector of " + numUnits);
            }
            float expected = sState * sWt;
            if (!bias.hasQuant() || Math.abs((double) bias.quant().scale() - (double) expected) >= 1e-5) {
                throw new ModelException(where + ": bias scale must equal state scale * weights_time scale");
            }
        }
        Rounding r = ctx.rounding();
        // TFLM multiplies and divides the float32 scales in float, then widens to double.
        double eff1 = (double) (sIn * sWf / sState);
        double eff2 = (double) (sState * sWt / sOut);
        return new SvdfParams(op, in.index(), wf.index(), wt.index(), biasIdx, state.index(), out.index(),
                batches, inputSize, numFilters, rank, memory, in.quant().zeroPoint(), state.quant().zeroPoint(),
                out.quant().zeroPoint(), QuantizedMultiplier.of(eff1, r), QuantizedMultiplier.of(eff2, r), r,
                state.dtype() == DType.INT16);
    }

    @Override
    public void eval(SvdfParams p, TensorStore store) {
        byte[] in = store.bytes(p.input());
        byte[] wf = store.bytes(p.weightsFeature());
        byte[] out = store.bytes(p.output());
        int f = p.numFilters();
        int m = p.memorySize();
        int units = p.numUnits();
        boolean wide = p.int16State();
        int elem = wide ? 2 : 1;
        int stateMin = wide ? Short.MIN_VALUE : Byte.MIN_VALUE;
        int stateMax = wide ? Short.MAX_VALUE : Byte.MAX_VALUE;
        byte[] stateBytes = store.bytes(p.state());
        // Shift the whole state buffer one element to the left; the last column is overwritten below.
        System.arraycopy(stateBytes, elem, stateBytes, 0, stateBytes.length - elem);
        int[] dots = new int[f];
        for (int b = 0; b < p.batches(); b++) {
            int stateBase = b * f * m;
            for (int r = 0; r < f; r++) {
                int acc = 0;
                for (int c = 0; c < p.inputSize(); c++) {
                    acc += wf[r * p.inputSize() + c] * (in[b * p.inputSize() + c] - p.inputZeroPoint());
                }
                acc = p.featureScale().apply(acc, p.rounding());
                acc = Math.max(stateMin, Math.min(stateMax, acc));
                // TFLM adds the zero point after the clamp and narrows to the state type (wrapping).
                writeState(store, p, stateBase + r * m + m - 1, p.stateZeroPoint() + acc);
            }
            for (int r = 0; r < f; r++) {
                int acc = 0;
                for (int j = 0; j < m; j++) {
                    acc += weightTime(store, p, r * m + j)
                            * (readState(store, p, stateBase + r * m + j) - p.stateZeroPoint());
                }
                dots[r] = acc;
            }
            for (int u = 0; u < units; u++) {
                int acc = p.bias() >= 0 ? store.int32(p.bias(), u) : 0;
                for (int k = 0; k < p.rank(); k++) {
                    acc += dots[u * p.rank() + k];
                }
                int v = p.timeScale().apply(acc, p.rounding()) + p.outputZeroPoint();
                out[b * units + u] = (byte) FixedPoint.clampInt8(v);
            }
        }
    }

    private static int readState(TensorStore store, SvdfParams p, int i) {
        return p.int16State() ? store.int16(p.state(), i) : store.bytes(p.state())[i];
    }

    private static void writeState(TensorStore store, SvdfParams p, int i, int v) {
        if (p.int16State()) {
            store.setInt16(p.state(), i, v);
        } else {
            store.bytes(p.state())[i] = (byte) v;
        }
    }

    private static int weightTime(TensorStore store, SvdfParams p, int i) {
        return p.int16State() ? store.int16(p.weightsTime(), i) : store.bytes(p.weightsTime())[i];
    }
}
