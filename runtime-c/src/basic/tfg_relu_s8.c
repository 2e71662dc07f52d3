/*
 * tinyforge runtime: RELU int8 with requantization (TFLM ReluQuantized).
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_relu_s8(const int8_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                 int32_t output_zero_point, int32_t multiplier, int32_t shift, int32_t act_min, int32_t act_max)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t v = output_zero_point + tfg_mbqm(input[i] - input_zero_point, multiplier, shift);
        output[i] = (int8_t)tfg_clamp(v, act_min, act_max);
    }
}
