/*
 * tinyforge runtime: float32 TANH as sign(x) * (1 - 2 / (e^(2|x|) + 1)) with the shared tfg_expf (x itself
 * below 2^-12, sign(x) above 9); bit-identical to the Java ActivationF32Kernel.
 */
#include "tfg_nn.h"

void tfg_tanh_f32(const float *input, float *output, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        const float v = input[i];
        const float a = v < 0.0f ? -v : v;
        float r;
        if (a < 0x1p-12f) {
            output[i] = v;
            continue;
        } else if (a > 9.0f) {
            r = 1.0f;
        } else {
            r = 1.0f - 2.0f / (tfg_expf(2.0f * a) + 1.0f);
        }
        output[i] = v < 0.0f ? -r : r;
    }
}
