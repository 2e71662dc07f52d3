/*
 * tinyforge runtime: QUANTIZE int8_t -> int32_t (TFLM reference_ops::Requantize): MBQM(x - zp_in) + zp_out, saturated.
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_requantize_s8_s32(const int8_t *input, int32_t *output, int32_t size, int32_t input_zero_point,
                          int32_t output_zero_point, int32_t multiplier, int32_t shift)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        const int32_t v = tfg_mbqm((int32_t)input[i] - input_zero_point, multiplier, shift);
        /* int32 wrap-around of the offset add, as the reference's int32 arithmetic on two's complement */
        output[i] = (int32_t)((uint32_t)v + (uint32_t)output_zero_point);
    }
}
