/*
 * tinyforge runtime: QUANTIZE float32 -> int16_t (TFLM reference_ops::AffineQuantize):
 * q = saturate((int32) roundf(x / scale) + zero_point), in float32 arithmetic. A float kernel.
 */
#include "tfg_nn.h"

/* roundf without libm: half away from zero; exact for every float (|v| >= 2^23 is already integral). */
static float tfg_round_half_away(float v)
{
    float t;
    float d;
    if (!(v > -8388608.0f && v < 8388608.0f)) {
        return v;
    }
    t = (float)(int32_t)v;
    d = v - t;
    if (d >= 0.5f) {
        t += 1.0f;
    } else if (d <= -0.5f) {
        t -= 1.0f;
    }
    return t;
}

void tfg_quantize_f32_s16(const float *input, int16_t *output, int32_t size, float scale, int32_t zero_point)
{
    int32_t i;
    for (i = 0; i < size; i++) {
        float v = input[i] / scale;
        int32_t q;
        /* beyond 2^24 every result saturates; this also keeps the conversion defined (NaN -> lowest) */
        if (!(v >= -16777216.0f)) {
            v = -16777216.0f;
        } else if (v > 16777216.0f) {
            v = 16777216.0f;
        }
        q = (int32_t)tfg_round_half_away(v) + zero_point;
        output[i] = (int16_t)(q < INT16_MIN ? INT16_MIN : (q > INT16_MAX ? INT16_MAX : q));
    }
}
