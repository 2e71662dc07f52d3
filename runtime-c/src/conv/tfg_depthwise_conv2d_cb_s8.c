/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D with codebook weights (clustered models). The arithmetic is that
 * of tfg_depthwise_conv2d_s8 (TFLM reference/integer_ops/depthwise_conv.h: NHWC input, 1HWC filter,
 * per-channel rescaling); only the weight fetch differs: each weight is read as
 * values[codebook of its output channel][packed index]. Filters of up to 64 taps are decoded once per channel
 * into a stack buffer and reused for every output pixel (channel-major loop order).
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* taps per channel decoded at once into a stack buffer (larger filters decode weight by weight) */
#define TFG_DEPTHWISE_CONV2D_CB_S8_BUFFER 64

/* log2 of the indices per byte for 1/2/4/8-bit indices, or -1 for any other width */
static int32_t tfg_depthwise_conv2d_cb_s8_per_byte_log2(int32_t bits)
{
    switch (bits) {
    case 1: return 3;
    case 2: return 2;
    case 4: return 1;
    case 8: return 0;
    default: return -1;
    }
}

/* first filter tap k (of k_size) with origin + dilation * k >= 0, and one past the last with it < in_size */
static void tfg_depthwise_conv2d_cb_s8_window(int32_t origin, int32_t dilation, int32_t k_size, int32_t in_size,
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

tfg_status tfg_depthwise_conv2d_cb_s8(const int8_t *input, tfg_dims input_dims,
                                      tfg_codebook filter, tfg_dims filter_dims,
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
    const int32_t lg = tfg_depthwise_conv2d_cb_s8_per_byte_log2(filter.bits);
    const uint32_t slot_mask = (1u << (lg < 0 ? 0 : lg)) - 1u;
    const uint32_t index_mask = (1u << (filter.bits & 15)) - 1u;
    const uint32_t bits = (uint32_t)filter.bits;
    int32_t b;
    int32_t oy;
    int32_t ox;

    if (depth_multiplier < 1 || in_c * depth_multiplier != out_c || filter_dims.c != out_c
        || input_dims.n != output_dims.n || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1
        || lg < 0 || filter.stride < 0) {
        return TFG_ERROR;
    }

    if (k_h * k_w <= TFG_DEPTHWISE_CONV2D_CB_S8_BUFFER) {
        /* channel by channel: its k_h * k_w taps are decoded once and serve every output pixel */
        int8_t w[TFG_DEPTHWISE_CONV2D_CB_S8_BUFFER];
        int32_t c;
        for (c = 0; c < out_c; ++c) {
            const int8_t *cb = filter.values + (size_t)c * (size_t)filter.stride;
            const int32_t ic = c / depth_multiplier;
            int32_t t;
            for (t = 0; t < k_h * k_w; ++t) {
                const size_t i = (size_t)t * (size_t)out_c + (size_t)c;
                w[t] = cb[((uint32_t)filter.indices[i >> lg] >> ((i & slot_mask) * bits)) & index_mask];
            }
            for (b = 0; b < input_dims.n; ++b) {
                const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
                for (oy = 0; oy < out_h; ++oy) {
                    const int32_t iy0 = oy * stride_h - pad_h;
                    int32_t ky0;
                    int32_t ky1;
                    tfg_depthwise_conv2d_cb_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
                    for (ox = 0; ox < out_w; ++ox) {
                        const int32_t ix0 = ox * stride_w - pad_w;
                        int32_t kx0;
                        int32_t kx1;
                        int32_t acc = 0;
                        int32_t ky;
                        tfg_depthwise_conv2d_cb_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int32_t iy = iy0 + dilation_h * ky;
                            const int8_t *x = in_batch + ((size_t)iy * in_w + (size_t)(ix0 + dilation_w * kx0)) * in_c
                                              + ic;
                            const int8_t *wk = w + ky * k_w;
                            int32_t kx;
                            for (kx = kx0; kx < kx1; ++kx) {
                                acc += (int32_t)wk[kx] * ((int32_t)x[0] + input_offset);
                                x += dilation_w * in_c;
                            }
                        }
                        if (bias != NULL) {
                            acc += bias[c];
                        }
                        acc = tfg_mbqm(acc, quant.multiplier[c], quant.shift[c]);
                        acc += output_offset;
                        output[(((size_t)b * out_h + oy) * out_w + ox) * out_c + c] = (int8_t)tfg_clamp(acc, act.min,
                                                                                                       act.max);
                    }
                }
            }
        }
        return TFG_OK;
    }

    /* large filters: every weight is fetched through the codebook where it is used */
    for (b = 0; b < input_dims.n; ++b) {
        const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
        for (oy = 0; oy < out_h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ky0;
            int32_t ky1;
            tfg_depthwise_conv2d_cb_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int8_t *out = output + (((size_t)b * out_h + oy) * out_w + ox) * out_c;
                int32_t kx0;
                int32_t kx1;
                int32_t c;
                tfg_depthwise_conv2d_cb_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                for (c = 0; c < out_c; ++c) {
                    const int8_t *cb = filter.values + (size_t)c * (size_t)filter.stride;
                    const int32_t ic = c / depth_multiplier;
                    int32_t acc = 0;
                    int32_t ky;
                    for (ky = ky0; ky < ky1; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        int32_t kx;
                        for (kx = kx0; kx < kx1; ++kx) {
                            const int32_t ix = ix0 + dilation_w * kx;
                            const size_t i = ((size_t)ky * k_w + (size_t)kx) * out_c + (size_t)c;
                            const uint32_t idx = ((uint32_t)filter.indices[i >> lg] >> ((i & slot_mask) * bits))
                                                 & index_mask;
                            acc += (int32_t)cb[idx]
                                   * ((int32_t)in_batch[((size_t)iy * in_w + (size_t)ix) * in_c + ic] + input_offset);
                        }
                    }
                    if (bias != NULL) {
                        acc += bias[c];
                    }
                    acc = tfg_mbqm(acc, quant.multiplier[c], quant.shift[c]);
                    acc += output_offset;
                    out[c] = (int8_t)tfg_clamp(acc, act.min, act.max);
                }
            }
        }
    }
    return TFG_OK;
}
