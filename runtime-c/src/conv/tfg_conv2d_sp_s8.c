/*
 * tinyforge runtime: int8 CONV_2D with sparse weights (pruned models, docs/PRUNING.md). The arithmetic is that of
 * tfg_conv2d_s8 (TFLM reference/integer_ops/conv.h: NHWC input, OHWI filter, groups, per-channel rescaling, taps
 * outside the input skipped): only the stored entries are multiplied, so skipped zeros leave the int32 sums, and
 * the outputs, unchanged. Output pixels whose receptive field lies inside the input (no padding) walk each
 * channel's entries with one running input pointer; border pixels track (ky, kx, ic) and skip taps outside.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* first filter tap k (of k_size) with origin + dilation * k >= 0, and one past the last with it < in_size */
static void tfg_conv2d_sp_s8_window(int32_t origin, int32_t dilation, int32_t k_size, int32_t in_size,
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

/* the gap of entry e; *w receives its weight (cb: the output channel's codebook in the codebook variant) */
static int32_t tfg_conv2d_sp_s8_entry(const tfg_sparse *f, const int8_t *cb, int32_t e, int32_t *w)
{
    if (f->values != NULL) {
        *w = f->values[e];
        return (int32_t)((f->gaps[e >> 1] >> ((e & 1) << 2)) & 15u);
    } else {
        const uint32_t g = f->gaps[e];
        *w = cb[g >> 4];
        return (int32_t)(g & 15u);
    }
}

tfg_status tfg_conv2d_sp_s8(const int8_t *input, tfg_dims input_dims,
                            tfg_sparse filter, tfg_dims filter_dims,
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
    const int32_t row_len = k_w * k_c; /* weights of one filter row (one ky) */
    int32_t per_group;
    int32_t b;
    int32_t oy;
    int32_t ox;
    int32_t oc;

    if (k_c <= 0 || in_c % k_c != 0 || filter_dims.n != out_c || input_dims.n != output_dims.n
        || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1
        || (filter.values == NULL) == (filter.codebook == NULL) || filter.stride < 0) {
        return TFG_ERROR;
    }
    if (out_c % (in_c / k_c) != 0) {
        return TFG_ERROR;
    }
    per_group = out_c / (in_c / k_c);

    for (b = 0; b < input_dims.n; ++b) {
        const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
        for (oy = 0; oy < out_h; ++oy) {
            const int32_t iy0 = oy * stride_h - pad_h;
            int32_t ky0;
            int32_t ky1;
            tfg_conv2d_sp_s8_window(iy0, dilation_h, k_h, in_h, &ky0, &ky1);
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t ix0 = ox * stride_w - pad_w;
                int8_t *out = output + (((size_t)b * out_h + oy) * out_w + ox) * out_c;
                int32_t kx0;
                int32_t kx1;
                int interior;
                tfg_conv2d_sp_s8_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                interior = ky0 == 0 && ky1 == k_h && kx0 == 0 && kx1 == k_w && dilation_w == 1 && k_c == in_c;
                for (oc = 0; oc < out_c; ++oc) {
                    const int8_t *cb = filter.codebook == NULL ? NULL
                                       : filter.codebook + (size_t)oc * (size_t)filter.stride;
                    const int32_t end = filter.row_start[oc + 1];
                    int32_t e = filter.row_start[oc];
                    int32_t acc = 0;
                    int32_t w;
                    if (interior) {
                        /* flat filter index ky * row_len + col reads x_row[col] of input row iy0 + dilation_h * ky */
                        const int8_t *x_row = in_batch + ((size_t)iy0 * in_w + (size_t)ix0) * in_c;
                        const size_t x_step = (size_t)dilation_h * (size_t)in_w * (size_t)in_c;
                        int32_t col = -1;
                        for (; e < end; ++e) {
                            col += tfg_conv2d_sp_s8_entry(&filter, cb, e, &w) + 1;
                            while (col >= row_len) {
                                col -= row_len;
                                x_row += x_step;
                            }
                            acc += w * ((int32_t)x_row[col] + input_offset);
                        }
                    } else {
                        const int32_t group_off = (oc / per_group) * k_c;
                        int32_t ky = 0;
                        int32_t kx = 0;
                        int32_t ic = -1;
                        for (; e < end; ++e) {
                            ic += tfg_conv2d_sp_s8_entry(&filter, cb, e, &w) + 1;
                            while (ic >= k_c) {
                                ic -= k_c;
                                if (++kx == k_w) {
                                    kx = 0;
                                    ++ky;
                                }
                            }
                            if (ky >= ky0 && ky < ky1 && kx >= kx0 && kx < kx1) {
                                const int32_t iy = iy0 + dilation_h * ky;
                                const int32_t ix = ix0 + dilation_w * kx;
                                acc += w * ((int32_t)in_batch[((size_t)iy * in_w + (size_t)ix) * in_c
                                                               + (size_t)group_off + (size_t)ic]
                                            + input_offset);
                            }
                        }
                    }
                    if (bias != NULL) {
                        acc += bias[oc];
                    }
                    acc = tfg_mbqm(acc, quant.multiplier[oc], quant.shift[oc]);
                    acc += output_offset;
                    out[oc] = (int8_t)tfg_clamp(acc, act.min, act.max);
                }
            }
        }
    }
    return TFG_OK;
}
