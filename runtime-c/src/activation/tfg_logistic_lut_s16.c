/*
 * tinyforge runtime: int16 logistic (zero points 0, output scale 2^-15) by TFLite's sigmoid table
 * interpolation, bit-exact with TFLM reference_integer_ops::Logistic (int16).
 */
#include "tfg_nn.h"

void tfg_logistic_lut_s16(const int16_t *input, int32_t size, int32_t input_multiplier, int32_t input_left_shift,
                          int16_t *output)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        output[i] = tfg_sigmoid_s16(input[i], input_multiplier, input_left_shift);
    }
}
