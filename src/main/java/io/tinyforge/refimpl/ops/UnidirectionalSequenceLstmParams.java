package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations and weights, int32 biases, int16 cell state, as
 * TFLM's {@code UnidirectionalSequenceLstmPrepare} computes it (no CIFG, peephole, projection or layer norm).
 *
 * @param op the operator
 * @param input tensor index of the input, [batches, time, inputSize] (or [time, batches, inputSize] when time
 *        major) int8
 * @param output tensor index of the output, same leading dims as the input, last dim stateSize, int8
 * @param hiddenState tensor index of the variable hidden state, [batches, stateSize] int8
 * @param cellState tensor index of the variable cell state, [batches, stateSize] int16
 * @param timeMajor whether the input is [time, batches, inputSize]
 * @param batches batch count
 * @param timeSteps time steps per invocation
 * @param inputSize input features
 * @param stateSize cells (hidden and cell state width)
 * @param inputOffset minus the input zero point
 * @param hiddenOffset minus the hidden state zero point
 * @param forget forget gate (sigmoid)
 * @param inputGate input gate (sigmoid)
 * @param cell cell gate (tanh, the only cell activation the schema can express that TFLM accepts)
 * @param outputGate output gate (sigmoid)
 * @param forgetMul forget gate (Q0.15) x cell state -> cell state: 2^-15
 * @param inputMul input gate x cell gate (both Q0.15) -> cell state: 2^-30 / s_cell
 * @param outputMul tanh(cell) x output gate (both Q0.15) -> hidden state: 2^-30 / s_hidden
 * @param hiddenZeroPoint hidden state zero point (added after outputMul)
 * @param cellClip quantized cell clip (the cell state is clamped to [-cellClip, cellClip]); 0 means none
 * @param cellTanhMultiplier input multiplier of the int16 tanh applied to the cell state
 * @param cellTanhShift input left shift of that tanh
 * @param rounding rescaling mode of every multiplier
 */
public record UnidirectionalSequenceLstmParams(Operator op, int input, int output, int hiddenState, int cellState,
        boolean timeMajor, int batches, int timeSteps, int inputSize, int stateSize, int inputOffset,
        int hiddenOffset, LstmGateParams forget, LstmGateParams inputGate, LstmGateParams cell,
        LstmGateParams outputGate, QuantizedMultiplier forgetMul,
        QuantizedMultiplier inputMul, QuantizedMultiplier outputMul, int hiddenZeroPoint, int cellClip,
        int cellTanhMultiplier, int cellTanhShift, Rounding rounding) implements OpParams, HasMacs {

    /**
     * Per batch and time step: the four gates' input and recurrent FCs (4 x state x (input + state)) and the
     * three element-wise products per cell (forget x cell, input x cell gate, tanh(cell) x output).
     */
    @Override
    public long macs() {
        return (long) batches * timeSteps * stateSize * (4L * (inputSize + stateSize) + 3L);
    }

    /** Batches processed together in one step: all of them when time major, otherwise one. */
    public int stepBatches() {
        return timeMajor ? batches : 1;
    }

    /**
     * Three int16 vectors of batches x stateSize for the C kernel's gate outputs (TFLM requests a fourth for
     * the recurrent FC, which the C kernel adds row by row instead).
     */
    @Override
    public long scratchBytes() {
        return 3L * 2L * batches * stateSize;
    }
}
