/*
 * tinyforge runtime: int8 CONV_2D with entropy-coded sparse weights (tfg_sparse_coded, docs/PRUNING.md). The
 * arithmetic is that of tfg_conv2d_s8 (TFLM reference/integer_ops/conv.h: NHWC input, OHWI filter, groups,
 * per-channel rescaling, taps outside the input skipped): only the non-zero weights are multiplied, so skipped
 * zeros leave the int32 sums, and the outputs, unchanged. Output channels are the outer loop: every output pixel
 * decodes the channel's part of the stream from the state saved at the channel's start, and the state after the
 * channel (the same for every pixel) starts the next channel. Plain C, no scratch.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"
#include "tfg_sparse_coded.h"

tfg_status tfg_conv2d_spc_s8(const int8_t *input, tfg_dims input_dims,
                             tfg_sparse_coded filter, tfg_dims filter_dims,
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
    const int32_t k_w = filter_dims.w;
    const int32_t k_c = filter_dims.c;
    const int32_t out_h = output_dims.h;
    const int32_t out_w = output_dims.w;
    const int32_t out_c = output_dims.c;
    const int32_t row_len = filter_dims.h * k_w * k_c; /* weights of one output channel */
    const int32_t span = k_w * k_c;                    /* weights of one kernel row */
    int32_t per_group;
    tfg_spc_state start;
    int32_t oc;

    if (k_c <= 0 || in_c % k_c != 0 || filter_dims.n != out_c || input_dims.n != output_dims.n
        || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1 || filter.bits == NULL
        || filter.table == NULL || filter.symbols == NULL) {
        return TFG_ERROR;
    }
    if (out_c % (in_c / k_c) != 0) {
        return TFG_ERROR;
    }
    if (output_dims.n <= 0 || out_h <= 0 || out_w <= 0) {
        return TFG_OK;
    }
    per_group = out_c / (in_c / k_c);
    start.bit = 0u;
    start.prev = -1;
    for (oc = 0; oc < out_c; ++oc) {
        const int32_t row0 = oc * row_len;
        const int32_t group_off = (oc / per_group) * k_c;
        const int32_t acc0 = bias != NULL ? bias[oc] : 0;
        tfg_spc_state s = start;
        int32_t b;
        for (b = 0; b < input_dims.n; ++b) {
            const int8_t *in_batch = input + (size_t)b * in_h * in_w * in_c;
            int32_t oy;
            for (oy = 0; oy < out_h; ++oy) {
                const int32_t iy0 = oy * stride_h - pad_h;
                int32_t ox;
                for (ox = 0; ox < out_w; ++ox) {
                    const int32_t ix0 = ox * stride_w - pad_w;
                    int32_t acc = 0;
                    int32_t at;
                    int32_t w;
                    s = start;
                    while (tfg_spc_next(&filter, &s, row0 + row_len, &at, &w)) {
                        const int32_t idx = at - row0;
                        const int32_t ky = idx / span;
                        const int32_t rem = idx - ky * span;
                        const int32_t kx = rem / k_c;
                        const int32_t ic = rem - kx * k_c;
                        const int32_t iy = iy0 + dilation_h * ky;
                        const int32_t ix = ix0 + dilation_w * kx;
                        if (iy >= 0 && iy < in_h && ix >= 0 && ix < in_w) {
                            acc += w * ((int32_t)in_batch[((size_t)iy * in_w + (size_t)ix) * in_c
                                                          + (size_t)group_off + (size_t)ic]
                                        + input_offset);
                        }
                    }
                    acc = tfg_mbqm(acc + acc0, quant.multiplier[oc], quant.shift[oc]);
                    acc += output_offset;
                    output[(((size_t)b * out_h + oy) * out_w + ox) * out_c + oc] =
                        (int8_t)tfg_clamp(acc, act.min, act.max);
                }
            }
        }
        start = s;
    }
    return TFG_OK;
}
