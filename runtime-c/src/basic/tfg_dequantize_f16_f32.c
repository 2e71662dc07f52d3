/* tinyforge runtime: DEQUANTIZE float16 -> float32, an exact IEEE widening in integer arithmetic. */
#include "tfg_nn.h"

void tfg_dequantize_f16_f32(const uint16_t *input, float *output, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        output[i] = tfg_f16_to_f32(input[i]);
    }
}
