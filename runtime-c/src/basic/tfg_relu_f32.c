/* tinyforge runtime: float32 RELU / RELU6 as the TFLite clamp min(max(x, lo), hi); in place allowed. */
#include "tfg_nn.h"

void tfg_relu_f32(const float *input, float *output, int32_t n, tfg_activation_f32 act)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        output[i] = tfg_clamp_f32(input[i], act);
    }
}
