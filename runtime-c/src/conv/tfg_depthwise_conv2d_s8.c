/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D (NHWC input, 1HWC filter, per-channel rescaling), bit-exact with
 * the TensorFlow Lite Micro reference kernel (reference/integer_ops/depthwise_conv.h). The valid filter window
 * of each output pixel is computed once. With depth multiplier 1 the channels are processed in blocks with
 * one accumulator each, so every tap reads contiguous input and filter bytes.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

#define TFG_DW_BLOCK 32

/* first filter tap k (of k_size) with origin + dilation * k >= 0, and one past the last with it < in_size */
static void tfg_depthwise_conv2d_s8_window(int32_t origin, int32_t dilation, int32_t k_size, int32_t in_size,
                                           int32_t *start, int32_t *end)
{
    int32_t s = 0;
    int32_t e = 0;
    if (origin < 0) {
        s = (-origin + dilation - 1) / dilation;
    }
    if (in_size - 1 - origin >= 0) {
        e = (in_size - 1 - origin) / dilation + 1;
    }
    if (e > k_size) {
        e = k_size;
    }
    if (s > e) {
        s = e;
    }
    *start = s;
    *end = e;
}

tfg_status tfg_depthwise_conv2d_s8(const int8_t *input, tfg_dims input_dims,
                                   const int8_t *filter, tfg_dims filter_dims,
                                   const int32_t *bias,
                                   int8_t *output, tfg_dims output_dims,
                                   int32_t depth_multiplier,
                                   int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                   int32_t pad_h, int32_t pad_w,
                                   int32_t input_offset, int32_t output_offset,
                                   tfg_per_channel_quant quant, tfg_activation act)
{
    const int32_t in_h = input_dims.h;
    const int32_t in_w = input_dims.w;
    const int32_t in_c = input_dims.c;
    const int32_t k_h = filter_dims.h;
    const int32_t k_w = filter_dims.w;
    const int32_t out_h = output_dims.h;
    const int32_t out_w = output_dims.w;
    const int32_t out_c = output_dims.c;
    int32_t b;
    int32_t oy;
    int32_t ox;

    if (depth_multiplier < 1 || in_c * depth_multiplier != out_c || filter_dims.c != out_c
        || input_dims.n != output_dims.n || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1) {
        return TFG_ERROR;
    }

    for (b = 0; b < input_dims.n; ++b) {
        const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
        for (oy = 0; oy < out_h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ky0;
            int32_t ky1;
            tfg_depthwise_conv2d_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int8_t *out = output + (((size_t)b * out_h + oy) * out_w + ox) * out_c;
                int32_t kx0;
                int32_t kx1;
                tfg_depthwise_conv2d_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                if (depth_multiplier == 1) {
                    int32_t c0;
                    for (c0 = 0; c0 < out_c; c0 += TFG_DW_BLOCK) {
                        const int32_t n = out_c - c0 < TFG_DW_BLOCK ? out_c - c0 : TFG_DW_BLOCK;
                        int32_t acc[TFG_DW_BLOCK];
                        int32_t ky;
                        int32_t j;
                        for (j = 0; j < n; ++j) {
                            acc[j] = 0;
                        }
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int32_t iy = iy0 + dilation_h * ky;
                            int32_t kx;
                            for (kx = kx0; kx < kx1; ++kx) {
                                const int32_t ix = ix0 + dilation_w * kx;
                                const int8_t *x = in_batch + ((size_t)iy * in_w + ix) * in_c + c0;
                                const int8_t *w = filter + (ky * k_w + kx) * out_c + c0;
                                for (j = 0; j < n; ++j) {
                                    acc[j] += (int32_t)w[j] * ((int32_t)x[j] + input_offset);
                                }
                            }
                        }
                        for (j = 0; j < n; ++j) {
                            const int32_t oc = c0 + j;
                            int32_t v = acc[j];
                            if (bias != NULL) {
                                v += bias[oc];
                            }
                            v = tfg_mbqm(v, quant.multiplier[oc], quant.shift[oc]);
                            v += output_offset;
                            out[oc] = (int8_t)tfg_clamp(v, act.min, act.max);
                        }
                    }
                } else {
                    int32_t oc;
                    for (oc = 0; oc < out_c; ++oc) {
                        const int32_t ic = oc / depth_multiplier;
                        int32_t v = 0;
                        int32_t ky;
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int32_t iy = iy0 + dilation_h * ky;
                            int32_t kx;
                            for (kx = kx0; kx < kx1; ++kx) {
                                const int32_t ix = ix0 + dilation_w * kx;
                                const int32_t x = in_batch[((size_t)iy * in_w + ix) * in_c + ic];
                                v += (int32_t)filter[(ky * k_w + kx) * out_c + oc] * (x + input_offset);
                            }
                        }
                        if (bias != NULL) {
                            v += bias[oc];
                        }
                        v = tfg_mbqm(v, quant.multiplier[oc], quant.shift[oc]);
                        v += output_offset;
                        out[oc] = (int8_t)tfg_clamp(v, act.min, act.max);
                    }
                }
            }
        }
    }
    return TFG_OK;
}
