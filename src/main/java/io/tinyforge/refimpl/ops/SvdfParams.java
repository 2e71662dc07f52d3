package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared SVDF (int8 input and weights_feature, int8 or int16 weights_time and state, int32 bias, int8
 * output), as TFLM's {@code PrepareSvdf} computes it.
 *
 * @param op the operator
 * @param input tensor index of the input, [batches, inputSize] int8
 * @param weightsFeature tensor index of weights_feature, [numFilters, inputSize] int8
 * @param weightsTime tensor index of weights_time, [numFilters, memorySize], int8 or int16 like the state
 * @param bias tensor index of the bias, [numUnits] int32, or -1 when absent
 * @param state tensor index of the variable activation state, [batches, memorySize * numFilters] int8/int16;
 *        row f of a batch holds the last memorySize feature activations of filter f, oldest first
 * @param output tensor index of the output, [batches, numUnits] int8
 * @param batches batch count
 * @param inputSize input features per batch
 * @param numFilters filters (= numUnits * rank)
 * @param rank filters summed per unit
 * @param memorySize time steps kept per filter
 * @param inputZeroPoint input zero point (subtracted from every input value)
 * @param stateZeroPoint state zero point (added to the new state column, subtracted in the time dot product)
 * @param outputZeroPoint output zero point
 * @param featureScale s_input * s_weights_feature / s_state (float32 arithmetic, as TFLM)
 * @param timeScale s_state * s_weights_time / s_output (float32 arithmetic, as TFLM)
 * @param rounding rescaling mode of both multipliers
 * @param int16State true when weights_time and state are int16 (new state values clamp to int16)
 */
public record SvdfParams(Operator op, int input, int weightsFeature, int weightsTime, int bias, int state,
        int output, int batches, int inputSize, int numFilters, int rank, int memorySize, int inputZeroPoint,
        int stateZeroPoint, int outputZeroPoint, QuantizedMultiplier featureScale, QuantizedMultiplier timeScale,
        Rounding rounding, boolean int16State) implements OpParams, HasMacs {

    /** Output units per batch. */
    public int numUnits() {
        return numFilters / rank;
    }

    /** Feature products (filters x input) and time products (filters x memory) per batch. */
    @Override
    public long macs() {
        return (long) batches * numFilters * ((long) inputSize + memorySize);
    }

    /**
     * int32 scratch of the C kernel: one time-dot-product per filter and one accumulator per unit, for every
     * batch (TFLM requests the same two buffers).
     */
    @Override
    public long scratchBytes() {
        return 4L * batches * (numFilters + numUnits());
    }
}
