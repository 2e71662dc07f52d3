/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D with depth multiplier 1 computed in place (as MCUNet's
 * TinyEngine): the output is written over the input, which starts at the same address. Channel by channel,
 * the input plane of channel c (h * w bytes) is copied to scratch and output channel c is computed from it.
 * Writing output pixel q of channel c clobbers input byte (pixel q, channel c) only, since both tensors have
 * the same channel count and the output has no more pixels than the input; that byte is already in scratch.
 * Arithmetic as tfg_depthwise_conv2d_s8 (TFLM reference/integer_ops/depthwise_conv.h).
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

tfg_status tfg_depthwise_conv2d_inplace_s8(int8_t *data, tfg_dims input_dims,
                                           const int8_t *filter, tfg_dims filter_dims,
                                           const int32_t *bias, tfg_dims output_dims,
                                           int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                                           int32_t dilation_w, int32_t pad_h, int32_t pad_w,
                                           int32_t input_offset, int32_t output_offset,
                                           tfg_per_channel_quant quant, tfg_activation act, int8_t *scratch)
{
    const int32_t in_h = input_dims.h;
    const int32_t in_w = input_dims.w;
    const int32_t ch = input_dims.c;
    const int32_t k_h = filter_dims.h;
    const int32_t k_w = filter_dims.w;
    const int32_t out_h = output_dims.h;
    const int32_t out_w = output_dims.w;
    int32_t b;
    int32_t c;

    if (output_dims.c != ch || filter_dims.c != ch || input_dims.n != output_dims.n
        || (int64_t)out_h * out_w > (int64_t)in_h * in_w || stride_h < 1 || stride_w < 1 || dilation_h < 1
        || dilation_w < 1) {
        return TFG_ERROR;
    }
    for (b = 0; b < input_dims.n; ++b) {
        const size_t in_base = (size_t)b * in_h * in_w * ch;
        const size_t out_base = (size_t)b * out_h * out_w * ch;
        for (c = 0; c < ch; ++c) {
            int32_t i;
            int32_t oy;
            for (i = 0; i < in_h * in_w; ++i) {
                scratch[i] = data[in_base + (size_t)i * ch + (size_t)c];
            }
            for (oy = 0; oy < out_h; ++oy) {
                const int32_t iy0 = oy * stride_h - pad_h;
                int32_t ox;
                for (ox = 0; ox < out_w; ++ox) {
                    const int32_t ix0 = ox * stride_w - pad_w;
                    int32_t acc = 0;
                    int32_t ky;
                    for (ky = 0; ky < k_h; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        int32_t kx;
                        if (iy < 0 || iy >= in_h) {
                            continue;
                        }
                        for (kx = 0; kx < k_w; ++kx) {
                            const int32_t ix = ix0 + dilation_w * kx;
                            if (ix >= 0 && ix < in_w) {
                                acc += (int32_t)filter[(ky * k_w + kx) * ch + c]
                                       * ((int32_t)scratch[iy * in_w + ix] + input_offset);
                            }
                        }
                    }
                    if (bias != NULL) {
                        acc += bias[c];
                    }
                    acc = tfg_mbqm(acc, quant.multiplier[c], quant.shift[c]);
                    acc += output_offset;
                    data[out_base + ((size_t)oy * out_w + (size_t)ox) * ch + (size_t)c]
                        = (int8_t)tfg_clamp(acc, act.min, act.max);
                }
            }
        }
    }
    return TFG_OK;
}
