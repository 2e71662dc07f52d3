/*
 * tinyforge runtime: on-the-fly symmetric int8 quantization of a float row for the dynamic-range kernels
 * (TFLite tensor_utils::SymmetricQuantizeFloats), bit-identical to the Java HybridQuantizer. Rounding is half
 * away from zero, written without libm.
 */
#include "tfg_nn.h"

float tfg_hybrid_quantize_s8(const float *x, int32_t n, int8_t *q)
{
    float mn;
    float mx;
    float amn;
    float amx;
    float range;
    float inv;
    int32_t i;
    if (n <= 0) {
        return 1.0f;
    }
    mn = x[0];
    mx = x[0];
    for (i = 0; i < n; ++i) {
        const float v = x[i];
        if (v < mn) {
            mn = v;
        }
        if (!(v < mx)) {
            mx = v;
        }
    }
    amn = mn < 0.0f ? -mn : mn;
    amx = mx < 0.0f ? -mx : mx;
    range = amn < amx ? amx : amn;
    if (range == 0.0f) {
        for (i = 0; i < n; ++i) {
            q[i] = 0;
        }
        return 1.0f;
    }
    inv = 127.0f / range;
    for (i = 0; i < n; ++i) {
        const float v = inv * x[i];
        int32_t t = (int32_t)v;
        const float frac = v - (float)t;
        if (frac >= 0.5f) {
            t++;
        } else if (frac <= -0.5f) {
            t--;
        }
        q[i] = (int8_t)(t < -127 ? -127 : (t > 127 ? 127 : t));
    }
    return range / 127.0f;
}
