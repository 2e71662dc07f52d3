/*
 * tinyforge runtime: DEQUANTIZE int8_t -> float32 (TFLM reference_ops::Dequantize): scale * (q - zero_point),
 * one float32 multiply. A float kernel.
 */
#include "tfg_nn.h"

void tfg_dequantize_s8_f32(const int8_t *input, float *output, int32_t size, float scale, int32_t zero_point)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        output[i] = scale * (float)((int32_t)input[i] - zero_point);
    }
}
