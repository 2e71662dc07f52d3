/*
 * tinyforge runtime: int8 CONV_2D with codebook weights (clustered models). The arithmetic is that of
 * tfg_conv2d_s8 (TFLM reference/integer_ops/conv.h: NHWC input, OHWI filter, groups, per-channel rescaling);
 * only the weight fetch differs: each weight is read as values[codebook of oc][packed index]. Filters of up to
 * 512 weights per output channel are decoded once per channel into a 512-byte stack buffer and reused for every
 * output pixel (channel-major loop order; four channels at a time when four filters fit, so each input byte
 * read serves four multiply-accumulates); larger ones fetch each weight through the codebook where it is used.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* log2 of the indices per byte for 1/2/4/8-bit indices, or -1 for any other width */
static int32_t tfg_conv2d_cb_s8_per_byte_log2(int32_t bits)
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
static void tfg_conv2d_cb_s8_window(int32_t origin, int32_t dilation, int32_t k_size, int32_t in_size,
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

/* weights per output channel decoded at once into a stack buffer (larger filters decode weight by weight) */
#define TFG_CONV2D_CB_S8_BUFFER 512

/* out[j] = weight (start + j) of the codebook filter, j < n; cb is the output channel's codebook */
static void tfg_conv2d_cb_s8_decode(const tfg_codebook *filter, const int8_t *cb, size_t start, int32_t n,
                                    int8_t *out)
{
    const uint8_t *idx = filter->indices;
    int32_t j = 0;
    if (filter->bits == 4 && (start & 1u) == 0) {
        const uint8_t *p = idx + (start >> 1);
        for (; j + 2 <= n; j += 2) {
            const uint32_t v = *p++;
            out[j] = cb[v & 15u];
            out[j + 1] = cb[v >> 4];
        }
    } else if (filter->bits == 2 && (start & 3u) == 0) {
        const uint8_t *p = idx + (start >> 2);
        for (; j + 4 <= n; j += 4) {
            const uint32_t v = *p++;
            out[j] = cb[v & 3u];
            out[j + 1] = cb[(v >> 2) & 3u];
            out[j + 2] = cb[(v >> 4) & 3u];
            out[j + 3] = cb[v >> 6];
        }
    } else if (filter->bits == 8) {
        for (; j < n; ++j) {
            out[j] = cb[idx[start + (size_t)j]];
        }
    }
    for (; j < n; ++j) {
        const size_t i = start + (size_t)j;
        const uint32_t per = 8u / (uint32_t)filter->bits;
        const uint32_t v = (uint32_t)idx[i / per] >> ((uint32_t)(i % per) * (uint32_t)filter->bits);
        out[j] = cb[v & ((1u << filter->bits) - 1u)];
    }
}

/* sum of w[i] * (x[i] + input_offset), i < n */
static int32_t tfg_conv2d_cb_s8_dot(const int8_t *x, const int8_t *w, int32_t n, int32_t input_offset)
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

/* bias, rescale, output zero point, clamp: one output value */
static int8_t tfg_conv2d_cb_s8_requantize(int32_t acc, const int32_t *bias, int32_t oc,
                                          tfg_per_channel_quant quant, int32_t output_offset, tfg_activation act)
{
    if (bias != NULL) {
        acc += bias[oc];
    }
    acc = tfg_mbqm(acc, quant.multiplier[oc], quant.shift[oc]);
    acc += output_offset;
    return (int8_t)tfg_clamp(acc, act.min, act.max);
}

tfg_status tfg_conv2d_cb_s8(const int8_t *input, tfg_dims input_dims,
                            tfg_codebook filter, tfg_dims filter_dims,
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
    const int32_t lg = tfg_conv2d_cb_s8_per_byte_log2(filter.bits);
    const uint32_t slot_mask = (1u << (lg < 0 ? 0 : lg)) - 1u;
    const uint32_t index_mask = (1u << (filter.bits & 15)) - 1u;
    const uint32_t bits = (uint32_t)filter.bits;
    int32_t per_group;
    int32_t b;
    int32_t oy;
    int32_t ox;
    int32_t oc;
    int8_t *out = output;

    if (k_c <= 0 || in_c % k_c != 0 || filter_dims.n != out_c || input_dims.n != output_dims.n
        || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1 || lg < 0 || filter.stride < 0) {
        return TFG_ERROR;
    }
    if (out_c % (in_c / k_c) != 0) {
        return TFG_ERROR;
    }
    per_group = out_c / (in_c / k_c);

    if (k_h * k_w * k_c <= TFG_CONV2D_CB_S8_BUFFER) {
        const int32_t filter_size = k_h * k_w * k_c;
        int8_t w[TFG_CONV2D_CB_S8_BUFFER];
        oc = 0;
        if (k_c == in_c && dilation_w == 1 && 4 * filter_size <= TFG_CONV2D_CB_S8_BUFFER) {
            /* four output channels at a time: their filters are decoded once, and every input byte read serves
               four multiply-accumulates */
            for (; oc + 4 <= out_c; oc += 4) {
                int32_t j;
                for (j = 0; j < 4; ++j) {
                    tfg_conv2d_cb_s8_decode(&filter, filter.values + (size_t)(oc + j) * (size_t)filter.stride,
                                            (size_t)(oc + j) * (size_t)filter_size, filter_size, w + j * filter_size);
                }
                for (b = 0; b < input_dims.n; ++b) {
                    const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
                    for (oy = 0; oy < out_h; ++oy) {
                        const int32_t iy0 = oy * stride_h - pad_h;
                        int32_t ky0;
                        int32_t ky1;
                        tfg_conv2d_cb_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
                        for (ox = 0; ox < out_w; ++ox) {
                            const int32_t ix0 = ox * stride_w - pad_w;
                            int8_t *o = output + (((size_t)b * out_h + oy) * out_w + ox) * out_c + oc;
                            int32_t kx0;
                            int32_t kx1;
                            int32_t run;
                            int32_t acc0 = 0;
                            int32_t acc1 = 0;
                            int32_t acc2 = 0;
                            int32_t acc3 = 0;
                            int32_t ky;
                            tfg_conv2d_cb_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                            run = (kx1 - kx0) * k_c;
                            for (ky = ky0; ky < ky1; ++ky) {
                                const int32_t iy = iy0 + dilation_h * ky;
                                const int8_t *x = in_batch + ((size_t)iy * in_w + (size_t)(ix0 + kx0)) * in_c;
                                const int8_t *w0 = w + (ky * k_w + kx0) * k_c;
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
                            o[0] = tfg_conv2d_cb_s8_requantize(acc0, bias, oc, quant, output_offset, act);
                            o[1] = tfg_conv2d_cb_s8_requantize(acc1, bias, oc + 1, quant, output_offset, act);
                            o[2] = tfg_conv2d_cb_s8_requantize(acc2, bias, oc + 2, quant, output_offset, act);
                            o[3] = tfg_conv2d_cb_s8_requantize(acc3, bias, oc + 3, quant, output_offset, act);
                        }
                    }
                }
            }
        }
        /* the remaining output channels one by one: each filter is decoded once and serves every output pixel */
        for (; oc < out_c; ++oc) {
            const int32_t group = oc / per_group;
            tfg_conv2d_cb_s8_decode(&filter, filter.values + (size_t)oc * (size_t)filter.stride,
                                    (size_t)oc * (size_t)filter_size, filter_size, w);
            for (b = 0; b < input_dims.n; ++b) {
                const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
                for (oy = 0; oy < out_h; ++oy) {
                    const int32_t iy0 = oy * stride_h - pad_h;
                    int32_t ky0;
                    int32_t ky1;
                    tfg_conv2d_cb_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
                    for (ox = 0; ox < out_w; ++ox) {
                        const int32_t ix0 = ox * stride_w - pad_w;
                        int32_t kx0;
                        int32_t kx1;
                        int32_t acc = 0;
                        int32_t ky;
                        tfg_conv2d_cb_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int32_t iy = iy0 + dilation_h * ky;
                            const int8_t *x_row = in_batch + (size_t)iy * in_w * in_c + group * k_c;
                            const int8_t *w_row = w + ky * k_w * k_c;
                            if (dilation_w == 1 && k_c == in_c) {
                                acc += tfg_conv2d_cb_s8_dot(x_row + (ix0 + kx0) * in_c, w_row + kx0 * k_c,
                                                            (kx1 - kx0) * k_c, input_offset);
                            } else {
                                int32_t kx;
                                for (kx = kx0; kx < kx1; ++kx) {
                                    const int32_t ix = ix0 + dilation_w * kx;
                                    acc += tfg_conv2d_cb_s8_dot(x_row + ix * in_c, w_row + kx * k_c, k_c,
                                                                input_offset);
                                }
                            }
                        }
                        output[(((size_t)b * out_h + oy) * out_w + ox) * out_c + oc]
                            = tfg_conv2d_cb_s8_requantize(acc, bias, oc, quant, output_offset, act);
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
            tfg_conv2d_cb_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int32_t kx0;
                int32_t kx1;
                tfg_conv2d_cb_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                for (oc = 0; oc < out_c; ++oc) {
                    const int8_t *cb = filter.values + (size_t)oc * (size_t)filter.stride;
                    const int32_t group = oc / per_group;
                    int32_t acc = 0;
                    int32_t ky;
                    for (ky = ky0; ky < ky1; ++ky) {
                        const int32_t iy = iy0 + dilation_h * ky;
                        int32_t kx;
                        for (kx = kx0; kx < kx1; ++kx) {
                            const int32_t ix = ix0 + dilation_w * kx;
                            const int8_t *x = in_batch + ((size_t)iy * in_w + (size_t)ix) * in_c + group * k_c;
                            size_t i = (((size_t)oc * k_h + (size_t)ky) * k_w + (size_t)kx) * k_c;
                            int32_t ic;
                            for (ic = 0; ic < k_c; ++ic, ++i) {
                                const uint32_t idx = ((uint32_t)filter.indices[i >> lg] >> ((i & slot_mask) * bits))
                                                     & index_mask;
                                acc += (int32_t)cb[idx] * ((int32_t)x[ic] + input_offset);
                            }
                        }
                    }
                    *out++ = tfg_conv2d_cb_s8_requantize(acc, bias, oc, quant, output_offset, act);
                }
            }
        }
    }
    return TFG_OK;
}
