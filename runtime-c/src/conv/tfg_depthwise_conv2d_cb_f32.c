/*
 * tinyforge runtime: float32 DEPTHWISE_CONV_2D with weights read through a float codebook (clustered
 * models); same order as tfg_depthwise_conv2d_f32 (ky, kx), so bit-identical to the Java reference
 * DepthwiseConv2DF32Kernel on the decoded filter when compiled with -ffp-contract=off.
 */
#include "tfg_nn.h"

tfg_status tfg_depthwise_conv2d_cb_f32(const float *input, tfg_dims input_dims,
                                       tfg_codebook_f32 filter, tfg_dims filter_dims,
                                       const float *bias,
                                       float *output, tfg_dims output_dims,
                                       int32_t depth_multiplier,
                                       int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                                       int32_t dilation_w, int32_t pad_h, int32_t pad_w,
                                       tfg_activation_f32 act)
{
    int32_t b;
    if (filter_dims.n != 1 || depth_multiplier <= 0 || filter_dims.c != output_dims.c
        || input_dims.c * depth_multiplier != output_dims.c) {
        return TFG_ERROR;
    }
    for (b = 0; b < output_dims.n; ++b) {
        int32_t oy;
        for (oy = 0; oy < output_dims.h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ox;
            for (ox = 0; ox < output_dims.w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                float *out = output + (((size_t)b * output_dims.h + oy) * output_dims.w + ox) * output_dims.c;
                int32_t ic;
                for (ic = 0; ic < input_dims.c; ++ic) {
                    int32_t m;
                    for (m = 0; m < depth_multiplier; ++m) {
                        const int32_t oc = ic * depth_multiplier + m;
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
                                if (ix < 0 || ix >= input_dims.w) {
                                    continue;
                                }
                                total += input[(((size_t)b * input_dims.h + iy) * input_dims.w + ix) * input_dims.c + ic]
                                         * tfg_codebook_f32_at(&filter, book,
                                                               ((size_t)ky * filter_dims.w + kx) * filter_dims.c + oc);
                            }
                        }
                        out[oc] = tfg_clamp_f32(total + (bias != NULL ? bias[oc] : 0.0f), act);
                    }
                }
            }
        }
    }
    return TFG_OK;
}
