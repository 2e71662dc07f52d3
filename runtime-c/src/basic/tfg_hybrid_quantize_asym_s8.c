/*
 * tinyforge runtime: on-the-fly asymmetric int8 quantization of a float row for the dynamic-range kernels
 * (TFLite tensor_utils::AsymmetricQuantizeFloats: range and zero point in double, values in float), bit-identical
 * to the Java HybridQuantizer.quantizeAsymmetric. Rounding is half away from zero, written without libm.
 */
#include "tfg_nn.h"

float tfg_hybrid_quantize_asym_s8(const float *x, int32_t n, int8_t *q, int32_t *offset)
{
    float mn;
    float mx;
    double rmin;
    double rmax;
    double scale;
    double zp_min;
    double zp_max;
    double err_min;
    double err_max;
    double zp;
    int32_t nudged;
    float sf;
    float inv;
    int32_t i;
    *offset = 0;
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
    rmin = mn < 0.0f ? mn : 0.0f;
    rmax = 0.0f < mx ? mx : 0.0f;
    if (rmin == rmax) {
        for (i = 0; i < n; ++i) {
            q[i] = 0;
        }
        return 1.0f;
    }
    scale = (rmax - rmin) / 255.0;
    zp_min = -128.0 - rmin / scale;
    zp_max = 127.0 - rmax / scale;
    err_min = 128.0 + (rmin / scale < 0.0 ? -(rmin / scale) : rmin / scale);
    err_max = 127.0 + (rmax / scale < 0.0 ? -(rmax / scale) : rmax / scale);
    zp = err_min < err_max ? zp_min : zp_max;
    if (zp <= -128.0) {
        nudged = -128;
    } else if (zp >= 127.0) {
        nudged = 127;
    } else {
        const int32_t t = (int32_t)zp;
        const double f = zp - (double)t;
        nudged = f >= 0.5 ? t + 1 : (f <= -0.5 ? t - 1 : t);
    }
    sf = (float)scale;
    inv = 1.0f / sf;
    for (i = 0; i < n; ++i) {
        const float v = (float)nudged + x[i] * inv;
        int32_t t = (int32_t)v;
        const float frac = v - (float)t;
        if (frac >= 0.5f) {
            t++;
        } else if (frac <= -0.5f) {
            t--;
        }
        q[i] = (int8_t)(t < -128 ? -128 : (t > 127 ? 127 : t));
    }
    *offset = nudged;
    return sf;
}
