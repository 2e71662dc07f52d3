/*
 * tinyforge runtime: RELU6 int8 (TFLM Relu6Quantized): a clamp of the raw values to [lower, upper].
 */
#include "tfg_nn.h"

void tfg_relu6_s8(const int8_t *input, int8_t *output, int32_t size, int8_t lower, int8_t upper)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        const int8_t v = input[i];
        output[i] = v > upper ? upper : (v < lower ? lower : v);
    }
}
