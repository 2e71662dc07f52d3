/*
 * tinyforge runtime: int8 tanh (output scale 1/128, zero point 0), bit-exact with TFLM
 * reference_integer_ops::Tanh.
 */
#include "tfg_nn.h"
#include "tfg_gemmlowp.h"

void tfg_tanh_s8(const int8_t *input, int32_t size, int32_t input_zero_point, int32_t input_range_radius,
                 int32_t input_multiplier, int32_t input_shift, int8_t *output)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t x = (int32_t)input[i] - input_zero_point;
        if (x <= -input_range_radius) {
            output[i] = INT8_MIN;
        } else if (x >= input_range_radius) {
            output[i] = INT8_MAX;
        } else {
            const int32_t x_q4 = tfg_mbqm(x, input_multiplier, input_shift); /* Q4.27 */
            const int32_t y_q0 = tfg_gemmlowp_tanh(x_q4, 4);
            output[i] = (int8_t)tfg_clamp(tfg_rdbpot(y_q0, 31 - 7), INT8_MIN, INT8_MAX);
        }
    }
}
