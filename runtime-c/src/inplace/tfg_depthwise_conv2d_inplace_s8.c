/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D with depth multiplier 1 computed in place (as MCUNet's
 * TinyEngine): the output is written over the input, which starts at the same address. Channel by channel,
 * the input plane of channel c (h * w bytes) is copied to scratch and output channel c is computed from it.
 * Writing output pixel q of channel c clobbers input byte (pixel q, channel c) only, since both tensors have
 * the same channel count and the output has no more pixels than the input; that byte is already in scratch.
 * One batch. Arithmetic as tfg_depthwise_conv2d_s8 (TFLM reference/integer_ops/depthwise_conv.h).
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* first filter tap k (of k_size) with origin + dilation * k >= 0, and one past the last with it < in_size */
static void tfg_depthwise_conv2d_inplace_s8_window(int32_t origin, int32_t dilation, int32_t k_size,
                                                   int32_t in_size, int32_t *start, int32_t *end)
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
    int32_t c;

    if (output_dims.c != ch || filter_dims.c != ch || input_dims.n != 1 || output_dims.n != 1
        || out_h * out_w > in_h * in_w) {
        return TFG_ERROR;
    }
    for (c = 0; c < ch; ++c) {
        int32_t i;
        int32_t oy;
        for (i = 0; i < in_h * in_w; ++i) {
            scratch[i] = data[(size_t)i * ch + (size_t)c];
        }
        for (oy = 0; oy < out_h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ky0;
            int32_t ky1;
            int32_t ox;
            tfg_depthwise_conv2d_inplace_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int32_t acc = 0;
                int32_t kx0;
                int32_t kx1;
                int32_t ky;
                tfg_depthwise_conv2d_inplace_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                for (ky = kx0 < kx1 ? ky0 : ky1; ky < ky1; ++ky) {
                    const int8_t *x = scratch + (iy0 + dilation_h * ky) * in_w + ix0 + dilation_w * kx0;
                    const int8_t *w = filter + (ky * k_w + kx0) * ch + c;
                    int32_t kx;
                    for (kx = kx0; kx < kx1; ++kx) {
                        acc += (int32_t)*w * ((int32_t)*x + input_offset);
                        x += dilation_w;
                        w += ch;
                    }
                }
                if (bias != NULL) {
                    acc += bias[c];
                }
                acc = tfg_mbqm(acc, quant.multiplier[c], quant.shift[c]);
                acc += output_offset;
                data[((size_t)oy * out_w + (size_t)ox) * ch + (size_t)c]
                    = (int8_t)tfg_clamp(acc, act.min, act.max);
            }
        }
    }
    return TFG_OK;
}
