/*
 * tinyforge runtime: int8 CONV_2D (NHWC input, OHWI filter, per-channel rescaling), bit-exact with the
 * TensorFlow Lite Micro reference kernel (reference/integer_ops/conv.h). The valid filter window of each
 * output pixel is computed once, so the inner loops never test bounds; with dilation 1 and no groups the taps
 * of one filter row are contiguous in memory and become a single dot product, computed for four output
 * channels at a time so that each input byte is loaded once per four multiply-accumulates.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* sum of w[i] * (x[i] + input_offset), i < n */
static int32_t tfg_conv2d_s8_dot(const int8_t *x, const int8_t *w, int32_t n, int32_t input_offset)
{
    int32_t acc = 0;
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        acc += (int32_t)w[i] * ((int32_t)x[i] + input_offset);
        acc += (int32_t)w[i + 1] * ((int32_t)x[i + 1] + input_offset);
        acc += (int32_t)w[i + 2] * ((int32_t)x[i + 2] + input_offset);
        acc += (int32_t)w[i + 3] * ((int32_t)x[i + 3] + input_offset);
    }
    for (; i < n; ++i) {
        acc += (int32_t)w[i] * ((int32_t)x[i] + input_offset);
    }
    return acc;
}

/* first filter tap k (of k_size) with origin + dilation * k >= 0, and one past the last with it < in_size */
static void tfg_conv2d_s8_window(int32_t origin, int32_t dilation, int32_t k_size, int32_t in_size,
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
static inline int8_t tfg_conv2d_s8_requantize(int32_t acc, const int32_t *bias, int32_t oc,
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

tfg_status tfg_conv2d_s8(const int8_t *input, tfg_dims input_dims,
                         const int8_t *filter, tfg_dims filter_dims,
                         const int32_t *bias,
                         int8_t *output, tfg_dims output_dims,
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
    const int32_t k_c = filter_dims.c;
    const int32_t out_h = output_dims.h;
    const int32_t out_w = output_dims.w;
    const int32_t out_c = output_dims.c;
    const int32_t filter_size = k_h * k_w * k_c;
    int32_t groups;
    int32_t per_group;
    int32_t contiguous;
    int32_t b;
    int32_t oy;
    int32_t ox;
    int32_t oc;
    int8_t *out = output;

    if (k_c <= 0 || in_c % k_c != 0 || filter_dims.n != out_c || input_dims.n != output_dims.n
        || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1) {
        return TFG_ERROR;
    }
    groups = in_c / k_c;
    if (out_c % groups != 0) {
        return TFG_ERROR;
    }
    per_group = out_c / groups;
    contiguous = groups == 1 && dilation_w == 1;

    for (b = 0; b < input_dims.n; ++b) {
        const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
        for (oy = 0; oy < out_h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ky0;
            int32_t ky1;
            tfg_conv2d_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int32_t kx0;
                int32_t kx1;
                tfg_conv2d_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                oc = 0;
                if (contiguous) {
                    /* four output channels at a time share every input byte they read */
                    const int32_t run = (kx1 - kx0) * k_c;
                    for (; oc + 4 <= out_c; oc += 4) {
                        int32_t acc0 = 0;
                        int32_t acc1 = 0;
                        int32_t acc2 = 0;
                        int32_t acc3 = 0;
                        int32_t ky;
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int32_t iy = iy0 + dilation_h * ky;
                            const int8_t *x = in_batch + ((size_t)iy * in_w + (size_t)(ix0 + kx0)) * in_c;
                            const int8_t *w0 = filter + (size_t)oc * filter_size + (ky * k_w + kx0) * k_c;
                            const int8_t *w1 = w0 + filter_size;
                            const int8_t *w2 = w1 + filter_size;
                            const int8_t *w3 = w2 + filter_size;
                            int32_t i;
                            for (i = 0; i < run; ++i) {
                                const int32_t xv = (int32_t)x[i] + input_offset;
                                acc0 += (int32_t)w0[i] * xv;
                                acc1 += (int32_t)w1[i] * xv;
                                acc2 += (int32_t)w2[i] * xv;
                                acc3 += (int32_t)w3[i] * xv;
                            }
                        }
                        *out++ = tfg_conv2d_s8_requantize(acc0, bias, oc, quant, output_offset, act);
                        *out++ = tfg_conv2d_s8_requantize(acc1, bias, oc + 1, quant, output_offset, act);
                        *out++ = tfg_conv2d_s8_requantize(acc2, bias, oc + 2, quant, output_offset, act);
                        *out++ = tfg_conv2d_s8_requantize(acc3, bias, oc + 3, quant, output_offset, act);
                    }
                }
                for (; oc < out_c; ++oc) {
                    const int32_t group = oc / per_group;
                    const int8_t *w_oc = filter + (size_t)oc * filter_size;
                    int32_t acc = 0;
                    int32_t ky;
                    for (ky = ky0; ky < ky1; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        const int8_t *x_row = in_batch + (size_t)iy * in_w * in_c + group * k_c;
                        const int8_t *w_row = w_oc + ky * k_w * k_c;
                        if (contiguous) {
                            acc += tfg_conv2d_s8_dot(x_row + (ix0 + kx0) * in_c, w_row + kx0 * k_c,
                                                     (kx1 - kx0) * k_c, input_offset);
                        } else {
                            int32_t kx;
                            for (kx = kx0; kx < kx1; ++kx) {
                                const int32_t ix = ix0 + dilation_w * kx;
                                acc += tfg_conv2d_s8_dot(x_row + ix * in_c, w_row + kx * k_c, k_c, input_offset);
                            }
                        }
                    }
                    *out++ = tfg_conv2d_s8_requantize(acc, bias, oc, quant, output_offset, act);
                }
            }
        }
    }
    return TFG_OK;
}
