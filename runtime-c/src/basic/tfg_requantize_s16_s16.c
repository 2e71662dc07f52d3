/*
 * tinyforge runtime: QUANTIZE int16_t -> int16_t (TFLM reference_ops::Requantize): MBQM(x - zp_in) + zp_out, saturated.
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_requantize_s16_s16(const int16_t *input, int16_t *output, int32_t size, int32_t input_zero_point,
                          int32_t output_zero_point, int32_t multiplier, int32_t shift)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t v = tfg_mbqm((int32_t)input[i] - input_zero_point, multiplier, shift);
        const int64_t w = (int64_t)v + output_zero_point;
        output[i] = (int16_t)(w < INT16_MIN ? INT16_MIN : (w > INT16_MAX ? INT16_MAX : w));
    }
}
