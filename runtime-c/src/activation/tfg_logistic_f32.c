/*
 * tinyforge runtime: float32 LOGISTIC with TFLite's reference cut-offs and the shared tfg_expf; bit-identical
 * to the Java ActivationF32Kernel.
 */
#include "tfg_nn.h"

void tfg_logistic_f32(const float *input, float *output, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        const float v = input[i];
        float r;
        if (v > 16.619047164916992188f) {
            r = 1.0f;
        } else if (v < -9.0f) {
            r = tfg_expf(v);
        } else {
            r = 1.0f / (1.0f + tfg_expf(-v));
        }
        output[i] = r;
    }
}
