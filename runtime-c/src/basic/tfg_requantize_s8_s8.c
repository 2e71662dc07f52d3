/*
 * tinyforge runtime: QUANTIZE int8_t -> int8_t (TFLM reference_ops::Requantize): MBQM(x - zp_in) + zp_out, saturated.
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_requantize_s8_s8(const int8_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                          int32_t output_zero_point, int32_t multiplier, int32_t shift)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t v = tfg_mbqm((int32_t)input[i] - input_zero_point, multiplier, shift);
        const int64_t w = (int64_t)v + output_zero_point;
        output[i] = (int8_t)(w < INT8_MIN ? INT8_MIN : (w > INT8_MAX ? INT8_MAX : w));
    }
}
