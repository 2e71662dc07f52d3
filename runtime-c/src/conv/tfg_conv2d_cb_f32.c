/*
 * tinyforge runtime: float32 CONV_2D with weights read through a float codebook (clustered models); same
 * order as tfg_conv2d_f32 (ky, kx, ic), so bit-identical to the Java reference Conv2DF32Kernel on the decoded
 * filter when compiled with -ffp-contract=off.
 */
#include "tfg_nn.h"

tfg_status tfg_conv2d_cb_f32(const float *input, tfg_dims input_dims,
                             tfg_codebook_f32 filter, tfg_dims filter_dims,
                             const float *bias,
                             float *output, tfg_dims output_dims,
                             int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                             int32_t pad_h, int32_t pad_w, tfg_activation_f32 act)
{
    const int32_t fc = filter_dims.c;
    int32_t groups;
    int32_t per_group;
    int32_t b;
    float *out = output;
    if (fc <= 0 || input_dims.c % fc != 0 || filter_dims.n != output_dims.c) {
        return TFG_ERROR;
    }
    groups = input_dims.c / fc;
    if (output_dims.c % groups != 0) {
        return TFG_ERROR;
    }
    per_group = output_dims.c / groups;
    for (b = 0; b < output_dims.n; ++b) {
        int32_t oy;
        for (oy = 0; oy < output_dims.h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ox;
            for (ox = 0; ox < output_dims.w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int32_t oc;
                for (oc = 0; oc < output_dims.c; ++oc) {
                    const int32_t group = oc / per_group;
                    const int32_t book = filter.stride != 0 ? oc : 0;
                    float total = 0.0f;
                    int32_t ky;
                    for (ky = 0; ky < filter_dims.h; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        int32_t kx;
                        if (iy < 0 || iy >= input_dims.h) {
                            continue;
                        }
                        for (kx = 0; kx < filter_dims.w; ++kx) {
                            const int32_t ix = ix0 + dilation_w * kx;
                            const float *x;
                            size_t w;
                            int32_t ic;
                            if (ix < 0 || ix >= input_dims.w) {
                                continue;
                            }
                            x = input + (((size_t)b * input_dims.h + iy) * input_dims.w + ix) * input_dims.c
                                + (size_t)group * fc;
                            w = (((size_t)oc * filter_dims.h + ky) * filter_dims.w + kx) * fc;
                            for (ic = 0; ic < fc; ++ic) {
                                total += x[ic] * tfg_codebook_f32_at(&filter, book, w + (size_t)ic);
                            }
                        }
                    }
                    *out++ = tfg_clamp_f32(total + (bias != NULL ? bias[oc] : 0.0f), act);
                }
            }
        }
    }
    return TFG_OK;
}
