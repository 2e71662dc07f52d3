/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D (NHWC input, 1HWC filter, per-channel rescaling), bit-exact with
 * the TensorFlow Lite Micro reference kernel (reference/integer_ops/depthwise_conv.h). The valid filter window
 * of each output pixel is computed once. With depth multiplier 1 four channels are computed together with
 * register accumulators, so every tap reads four contiguous input and filter bytes.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

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

/* bias, rescale, output zero point, clamp: one output value */
static inline int8_t tfg_depthwise_conv2d_s8_requantize(int32_t acc, const int32_t *bias, int32_t oc,
                                                        tfg_per_channel_quant quant, int32_t output_offset,
                                                        tfg_activation act)
{
    if (bias != NULL) {
        acc += bias[oc];
    }
    acc = tfg_mbqm(acc, quant.multiplier[oc], quant.shift[oc]);
    acc += output_offset;
    return (int8_t)tfg_clamp(acc, act.min, act.max);
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
    const int32_t x_step = dilation_w * in_c; /* input bytes between two taps of one filter row */
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
                int32_t ix_first; /* column of the first valid tap */
                int32_t c = 0;
                tfg_depthwise_conv2d_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                ix_first = ix0 + dilation_w * kx0;
                if (depth_multiplier == 1) {
                    /* four channels at a time, each with its own register accumulator */
                    for (; c + 4 <= out_c; c += 4) {
                        int32_t acc0 = 0;
                        int32_t acc1 = 0;
                        int32_t acc2 = 0;
                        int32_t acc3 = 0;
                        int32_t ky;
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int32_t iy = iy0 + dilation_h * ky;
                            const int8_t *x = in_batch + ((size_t)iy * in_w + (size_t)ix_first) * in_c + c;
                            const int8_t *w = filter + (ky * k_w + kx0) * out_c + c;
                            int32_t kx;
                            for (kx = kx0; kx < kx1; ++kx) {
                                acc0 += (int32_t)w[0] * ((int32_t)x[0] + input_offset);
                                acc1 += (int32_t)w[1] * ((int32_t)x[1] + input_offset);
                                acc2 += (int32_t)w[2] * ((int32_t)x[2] + input_offset);
                                acc3 += (int32_t)w[3] * ((int32_t)x[3] + input_offset);
                                x += x_step;
                                w += out_c;
                            }
                        }
                        out[c] = tfg_depthwise_conv2d_s8_requantize(acc0, bias, c, quant, output_offset, act);
                        out[c + 1] = tfg_depthwise_conv2d_s8_requantize(acc1, bias, c + 1, quant, output_offset, act);
                        out[c + 2] = tfg_depthwise_conv2d_s8_requantize(acc2, bias, c + 2, quant, output_offset, act);
                        out[c + 3] = tfg_depthwise_conv2d_s8_requantize(acc3, bias, c + 3, quant, output_offset, act);
                    }
                }
                /* remaining channels (all of them when depth_multiplier > 1): one accumulator each */
                for (; c < out_c; ++c) {
                    const int32_t ic = c / depth_multiplier;
                    int32_t acc = 0;
                    int32_t ky;
                    for (ky = ky0; ky < ky1; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        const int8_t *x = in_batch + ((size_t)iy * in_w + (size_t)ix_first) * in_c + ic;
                        const int8_t *w = filter + (ky * k_w + kx0) * out_c + c;
                        int32_t kx;
                        for (kx = kx0; kx < kx1; ++kx) {
                            acc += (int32_t)w[0] * ((int32_t)x[0] + input_offset);
                            x += x_step;
                            w += out_c;
                        }
                    }
                    out[c] = tfg_depthwise_conv2d_s8_requantize(acc, bias, c, quant, output_offset, act);
                }
            }
        }
    }
    return TFG_OK;
}
