package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.QuantizedMultiplier;

/**
 * One gate of the integer LSTM: the input and recurrent fully connected layers whose int16 outputs (Q3.12,
 * scale 2^-12) are added before the gate's activation.
 *
 * @param inputWeights tensor index of the input weights, [state, input] int8
 * @param recurrentWeights tensor index of the recurrent weights, [state, state] int8
 * @param bias tensor index of the gate bias, [state] int32 (added in the input FC only)
 * @param inputScale s_input * s_input_weights / 2^-12 (float32 product, as TFLM's FC)
 * @param recurrentScale s_hidden * s_recurrent_weights / 2^-12
 * @param inputEffectiveBias per row: bias + input offset * sum of the row's input weights, so that the C
 *        kernel accumulates plain products (the same int32 sum, reassociated)
 * @param recurrentEffectiveBias per row: hidden offset * sum of the row's recurrent weights
 */
public record LstmGateParams(int inputWeights, int recurrentWeights, int bias, QuantizedMultiplier inputScale,
        QuantizedMultiplier recurrentScale, int[] inputEffectiveBias, int[] recurrentEffectiveBias) {
}
