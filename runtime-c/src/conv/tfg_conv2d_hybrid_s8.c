/*
 * tinyforge runtime: dynamic-range CONV_2D (float32 activations, symmetric int8 OHWI weights), TFLite conv
 * EvalHybrid (symmetric input quantization) / EvalHybridPerChannel (asymmetric) semantics (tfg_float.h);
 * bit-identical to the Java reference Conv2DHybridKernel when compiled with -ffp-contract=off.
 */
#include "tfg_nn.h"

tfg_status tfg_conv2d_hybrid_s8(const float *input, tfg_dims input_dims,
                                const int8_t *filter, tfg_dims filter_dims,
                                const float *bias,
                                float *output, tfg_dims output_dims,
                                int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                int32_t pad_h, int32_t pad_w,
                                const float *filter_scales, int32_t per_channel,
                                tfg_activation_f32 act, void *scratch)
{
    const int32_t fc = filter_dims.c;
    const int32_t size = input_dims.h * input_dims.w * input_dims.c;
    int8_t *q = (int8_t *)scratch;
    float *out = output;
    int32_t b;
    if (fc != input_dims.c || filter_dims.n != output_dims.c || scratch == NULL || size <= 0) {
        return TFG_ERROR;
    }
    for (b = 0; b < output_dims.n; ++b) {
        int32_t zp = 0;
        const float sf = per_channel ? tfg_hybrid_quantize_asym_s8(input + (size_t)b * size, size, q, &zp)
                                     : tfg_hybrid_quantize_s8(input + (size_t)b * size, size, q);
        const float sfw = sf * filter_scales[0];
        int32_t oy;
        for (oy = 0; oy < output_dims.h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ox;
            for (ox = 0; ox < output_dims.w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int32_t oc;
                for (oc = 0; oc < output_dims.c; ++oc) {
                    int32_t acc = 0;
                    int32_t ky;
                    float v;
                    for (ky = 0; ky < filter_dims.h; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        int32_t kx;
                        if (iy < 0 || iy >= input_dims.h) {
                            continue;
                        }
                        for (kx = 0; kx < filter_dims.w; ++kx) {
                            const int32_t ix = ix0 + dilation_w * kx;
                            const int8_t *x;
                            const int8_t *w;
                            int32_t ic;
                            if (ix < 0 || ix >= input_dims.w) {
                                continue;
                            }
                            x = q + ((size_t)iy * input_dims.w + ix) * fc;
                            w = filter + (((size_t)oc * filter_dims.h + ky) * filter_dims.w + kx) * fc;
                            for (ic = 0; ic < fc; ++ic) {
                                acc += (int32_t)w[ic] * ((int32_t)x[ic] - zp);
                            }
                        }
                    }
                    v = per_channel ? ((float)acc * filter_scales[oc]) * sf : (float)acc * sfw;
                    *out++ = tfg_clamp_f32(v + (bias != NULL ? bias[oc] : 0.0f), act);
                }
            }
        }
    }
    return TFG_OK;
}
