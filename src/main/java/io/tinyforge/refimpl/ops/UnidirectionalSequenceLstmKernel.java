package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.Int16Activations;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.LstmOptions;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM with int8 activations and weights, int32 biases and an int16 cell state,
 * bit-exact with TFLM's {@code EvalLstm<int8_t, int8_t, int16_t, int32_t>} (lstm_eval.h): per time step each
 * gate is FC(input) + FC(hidden) in Q3.12 followed by the int16 sigmoid (tanh for the cell gate); then
 * cell = forget * cell + input * cellGate (clipped), hidden = tanh(cell) * output, copied to the output.
 * The hidden and cell state tensors are variables and keep their values across invocations.
 */
public final class UnidirectionalSequenceLstmKernel implements OpKernel<UnidirectionalSequenceLstmParams> {

    /** FC outputs and gate pre-activations are Q3.12. */
    private static final float GATE_INPUT_SCALE = 0.000244140625f;
    /** Gate outputs are Q0.15. */
    private static final float GATE_OUTPUT_SCALE = 0.000030517578125f;

    @Override
    public UnidirectionalSequenceLstmParams prepare(Graph g, Operator op, PrepareContext ctx) {
        String where = "operator " + op.index() + " UNIDIRECTIONAL_SEQUENCE_LSTM";
        if (op.inputCount() != 24 || op.outputCount() != 1) {
            throw new ModelException(where + ": expected 24 inputs and 1 output, found " + op.inputCount()
                    + " and " + op.outputCount());
        }
        LstmOptions opts = op.options(LstmOptions.class);
        if (op.input(1) < 0 || op.input(5) < 0) {
            throw new ModelException(where + ": CIFG (no input gate) is not supported");
        }
        if (op.input(9) >= 0 || op.input(10) >= 0 || op.input(11) >= 0) {
            throw new ModelException(where + ": peephole connections are not supported");
        }
        if (op.input(16) >= 0 || op.input(17) >= 0) {
            throw new ModelException(where + ": projection is not supported");
        }
        for (int i = 20; i < 24; i++) {
            if (op.input(i) >= 0) {
                throw new ModelException(where + ": layer normalization is not supported");
            }
        }
        Tensor in = g.tensor(op.input(0));
        Tensor hidden = g.tensor(op.input(18));
        Tensor cell = g.tensor(op.input(19));
        Tensor out = g.tensor(op.output(0));
        if (in.dtype() != DType.INT8 || out.dtype() != DType.INT8 || hidden.dtype() != DType.INT8) {
            throw new ModelException(where + ": only int8 input, output and hidden state are supported (found "
                    + in.dtype().label() + ", " + out.dtype().label() + ", " + hidden.dtype().label() + ")");
        }
        if (cell.dtype() != DType.INT16) {
            throw new ModelException(where + ": the cell state must be int16, found " + cell.dtype().label());
        }
        if (!hidden.variable() || !cell.variable()) {
            throw new ModelException(where + ": hidden and cell state (inputs 18, 19) must be variable tensors");
        }
        if (opts.activation() != Activation.TANH) {
            throw new ModelException(where + ": cell activation " + opts.activation()
                    + " is not supported (TFLM accepts only TANH)");
        }
        if (!(opts.cellClip() >= 0f)) {
            throw new ModelException(where + ": cell clip must be >= 0, found " + opts.cellClip());
        }
        if (in.shape().rank() != 3 || out.shape().rank() != 3) {
            throw new ModelException(where + ": input and output must be 3-D, found " + in.shape() + " and "
                    + out.shape());
        }
        boolean timeMajor = opts.timeMajor();
        int batches = timeMajor ? in.shape().dim(1) : in.shape().dim(0);
        int time = timeMajor ? in.shape().dim(0) : in.shape().dim(1);
        int inputSize = in.shape().dim(2);
        int state = hidden.shape().fromEnd(1);
        if (hidden.shape().elements() != (long) batches * state || cell.shape().elements() != (long) batches * state
                || out.shape().dim(0) != in.shape().dim(0) || out.shape().dim(1) != in.shape().dim(1)
                || out.shape().dim(2) != state) {
            throw new ModelException(where + ": inconsistent shapes input " + in.shape() + ", hidden "
                    + hidden.shape() + ", cell " + cell.shape() + ", output " + out.shape());
        }
        for (Tensor t : new Tensor[] {in, hidden, cell, out}) {
            requirePerTensor(where, t);
        }
        Rounding r = ctx.rounding();
        float sIn = in.quant().scale();
        float sHidden = hidden.quant().scale();
        float sCell = cell.quant().scale();
        // TFLM lstm_shared.h order: 1..4 input weights (i, f, c, o), 5..8 recurrent, 12..15 biases
        int inOffset = -in.quant().zeroPoint();
        int hiddenOffset = -hidden.quant().zeroPoint();
        LstmGateParams inputGate = gate(g, op, where, 1, 5, 12, sIn, sHidden, inOffset, hiddenOffset, r);
        LstmGateParams forget = gate(g, op, where, 2, 6, 13, sIn, sHidden, inOffset, hiddenOffset, r);
        LstmGateParams cellGate = gate(g, op, where, 3, 7, 14, sIn, sHidden, inOffset, hiddenOffset, r);
        LstmGateParams outputGate = gate(g, op, where, 4, 8, 15, sIn, sHidden, inOffset, hiddenOffset, r);

        QuantizedMultiplier forgetMul = mulScale(GATE_OUTPUT_SCALE, sCell, sCell, r);
        QuantizedMultiplier inputMul = mulScale(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, sCell, r);
        QuantizedMultiplier outputMul = mulScale(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, sHidden, r);

        int clip = 0;
        if (opts.cellClip() > 0f) {
            double q = Math.min(Math.max((double) opts.cellClip() / (double) sCell, -32768.0), 32767.0);
            clip = (short) (int) q; // C static_cast<int16_t> of a double: truncation
        }
        int[] tanh = Int16Activations.tanhInputScaling(checkedLog2(sCell));
        return new UnidirectionalSequenceLstmParams(op, in.index(), out.index(), hidden.index(), cell.index(),
                timeMajor, batches, time, inputSize, state, inOffset, hiddenOffset,
                forget, inputGate, cellGate, outputGate, forgetMul, inputMul, outputMul,
                hidden.quant().zeroPoint(), clip, tanh[0], tanh[1], r);
    }

    private static void requirePerTensor(String where, Tensor t) {
        if (!t.hasQuant() || t.quant().perChannel()) {
            throw new ModelException(where + ": tensor " + t.index() + " needs per-tensor quantization");
        }
    }

    private static LstmGateParams gate(Graph g, Operator op, String where, int wIn, int wRec, int b, float sIn,
            float sHidden, int inOffset, int hiddenOffset, Rounding r) {
        Tensor in = g.tensor(op.input(0));
        int state = g.tensor(op.input(18)).shape().fromEnd(1);
        int inputSize = in.shape().dim(2);
        Tensor wi = g.tensor(op.input(wIn));
        Tensor wr = g.tensor(op.input(wRec));
        if (op.input(b) < 0) {
            throw new ModelException(where + ": gate bias (input " + b + ") is missing");
        }
        Tensor bias = g.tensor(op.input(b));
        for (Tensor w : new Tensor[] {wi, wr}) {
            if (w.dtype() != DType.INT8 || !w.isConstant()) {
                throw new ModelException(where + ": weights must be constant int8, tensor " + w.index() + " is "
                        + w.dtype().label());
            }
            requirePerTensor(where, w);
            if (w.quant().zeroPoint() != 0) {
                throw new ModelException(where + ": weights tensor " + w.index() + " has a non-zero zero point");
            }
        }
        if (wi.shape().rank() != 2 || wi.shape().dim(0) != state || wi.shape().dim(1) != inputSize
                || wr.shape().rank() != 2 || wr.shape().dim(0) != state || wr.shape().dim(1) != state) {
            throw new ModelException(where + ": weights " + wi.index() + " " + wi.shape() + " / " + wr.index()
                    + " " + wr.shape() + " do not match state " + state + " and input " + inputSize);
        }
        if (bias.dtype() != DType.INT32 || !bias.isConstant() || bias.shape().elements() != state) {
            throw new ModelException(where + ": bias " + bias.index() + " must be a constant int32 vector of "
                    + state);
        }
        // TFLM GetQuantizedConvolutionMultipler: float32 product, widened to double, divided by the output scale
        double mi = (double) (sIn * wi.quant().scale()) / (double) GATE_INPUT_SCALE;
        double mr = (double) (sHidden * wr.quant().scale()) / (double) GATE_INPUT_SCALE;
        int[] inBias = new int[state];
        int[] recBias = new int[state];
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(bias.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int o = 0; o < state; o++) {
            int sumIn = 0;
            for (int d = 0; d < inputSize; d++) {
                sumIn += wi.data()[o * inputSize + d];
            }
            int sumRec = 0;
            for (int d = 0; d < state; d++) {
                sumRec += wr.data()[o * state + d];
            }
            inBias[o] = bb.getInt(4 * o) + inOffset * sumIn;
            recBias[o] = hiddenOffset * sumRec;
        }
        return new LstmGateParams(wi.index(), wr.index(), bias.index(), QuantizedMultiplier.of(mi, r),
                QuantizedMultiplier.of(mr, r), inBias, recBias);
    }

    /** TFLM CreateInterGateMulParams: the product of the input scales in double over the output scale. */
    private static QuantizedMultiplier mulScale(float s1, float s2, float sOut, Rounding r) {
        return QuantizedMultiplier.of((double) s1 * (double) s2 / (double) sOut, r);
    }

    /** TFLite {@code CheckedLog2}: log2 in float32, rounded half away from zero (the check is ignored). */
    static int checkedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        return FixedPoint.roundHalfAway(log2);
    }

    @Override
    public void eval(UnidirectionalSequenceLstmParams p, TensorStore store) {
        int n = p.stepBatches() * p.stateSize();
        int[] forget = new int[n];
        int[] inputGate = new int[n];
        int[] cellGate = new int[n];
        int[] scratch = new int[n];
        int inputOffset = 0;
        int outputOffset = 0;
        int stateOffset = 0;
        int outerLoops = p.timeMajor() ? 1 : p.batches();
        int inputStep = p.inputSize() * p.stepBatches();
        int outputStep = p.stateSize() * p.stepBatches();
        for (int b = 0; b < outerLoops; b++) {
            for (int t = 0; t < p.timeSteps(); t++) {
                step(p, store, inputOffset, stateOffset, outputOffset, forget, inputGate, cellGate, scratch);
                inputOffset += inputStep;
                outputOffset += outputStep;
            }
            stateOffset += p.timeMajor() ? 0 : p.stateSize();
        }
    }

    private static void step(UnidirectionalSequenceLstmParams p, TensorStore store, int inOff, int stateOff,
            int outOff, int[] forget, int[] inputGate, int[] cellGate, int[] scratch) {
        Rounding r = p.rounding();
        int n = forget.length;
        gate(p, store, p.forget(), inOff, stateOff, forget, scratch, false);
        gate(p, store, p.inputGate(), inOff, stateOff, inputGate, scratch, false);
        gate(p, store, p.cell(), inOff, stateOff, cellGate, scratch, true);
        // cell = forget * cell + input * cellGate, saturated to int16, then clipped
        int cs = p.cellState();
        for (int i = 0; i < n; i++) {
            int c = store.int16(cs, stateOff + i);
            int fc = FixedPoint.clampInt16(p.forgetMul().apply(forget[i] * c, r));
            int ic = FixedPoint.clampInt16(p.inputMul().apply(inputGate[i] * cellGate[i], r));
            int sum = FixedPoint.clampInt16(fc + ic);
            if (p.cellClip() > 0) {
                sum = Math.max(-p.cellClip(), Math.min(p.cellClip(), sum));
            }
            store.setInt16(cs, stateOff + i, sum);
        }
        int[] outputGate = inputGate; // TFLM reuses buffer1
        gate(p, store, p.outputGate(), inOff, stateOff, outputGate, scratch, false);
        byte[] hidden = store.bytes(p.hiddenState());
        for (int i = 0; i < n; i++) {
            int th = Int16Activations.tanh(store.int16(cs, stateOff + i), p.cellTanhMultiplier(),
                    p.cellTanhShift());
            int h = p.outputMul().apply(th * outputGate[i], r) + p.hiddenZeroPoint();
            hidden[stateOff + i] = (byte) FixedPoint.clampInt8(h);
        }
        System.arraycopy(hidden, stateOff, store.bytes(p.output()), outOff, n);
    }

    /** gate = act(FC(input) + FC(hidden)), every intermediate saturated to int16 as in TFLM. */
    private static void gate(UnidirectionalSequenceLstmParams p, TensorStore store, LstmGateParams gp, int inOff,
            int stateOff, int[] out, int[] scratch, boolean tanh) {
        Rounding r = p.rounding();
        byte[] in = store.bytes(p.input());
        byte[] hidden = store.bytes(p.hiddenState());
        byte[] wi = store.bytes(gp.inputWeights());
        byte[] wr = store.bytes(gp.recurrentWeights());
        int rows = p.stateSize();
        int batches = p.stepBatches();
        for (int b = 0; b < batches; b++) {
            for (int o = 0; o < rows; o++) {
                int acc = 0;
                for (int d = 0; d < p.inputSize(); d++) {
                    acc += wi[o * p.inputSize() + d] * (in[inOff + b * p.inputSize() + d] + p.inputOffset());
                }
                acc += store.int32(gp.bias(), o);
                out[b * rows + o] = FixedPoint.clampInt16(gp.inputScale().apply(acc, r));
                acc = 0;
                for (int d = 0; d < rows; d++) {
                    acc += wr[o * rows + d] * (hidden[stateOff + b * rows + d] + p.hiddenOffset());
                }
                scratch[b * rows + o] = FixedPoint.clampInt16(gp.recurrentScale().apply(acc, r));
            }
        }
        for (int i = 0; i < batches * rows; i++) {
            int x = FixedPoint.clampInt16(out[i] + scratch[i]);
            out[i] = tanh ? Int16Activations.tanh(x, 0, 0) : Int16Activations.sigmoid(x, 0, 0);
        }
    }
}
