/*
 * tinyforge runtime: float32 SOFTMAX in TFLite's reference order (max-subtracted, beta, sum in order, one
 * division per value) with the shared tfg_expf; bit-identical to the Java SoftmaxF32Kernel.
 */
#include <float.h>
#include "tfg_nn.h"

void tfg_softmax_f32(const float *input, int32_t rows, int32_t depth, float beta, float *output)
{
    int32_t r;
    for (r = 0; r < rows; ++r) {
        const float *x = input + (size_t)r * depth;
        float *y = output + (size_t)r * depth;
        float max = -FLT_MAX;
        float sum = 0.0f;
        int32_t c;
        for (c = 0; c < depth; ++c) {
            max = max < x[c] ? x[c] : max;
        }
        for (c = 0; c < depth; ++c) {
            const float e = tfg_expf((x[c] - max) * beta);
            y[c] = e;
            sum += e;
        }
        for (c = 0; c < depth; ++c) {
            y[c] = y[c] / sum;
        }
    }
}
