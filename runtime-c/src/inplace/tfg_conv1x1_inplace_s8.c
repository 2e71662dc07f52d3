/*
 * tinyforge runtime: int8 1x1 CONV_2D (stride 1, no padding, one group) computed in place: the output is
 * written over the input, which starts at the same address. Each output pixel depends only on the input pixel
 * at the same position, so with a copy of that input pixel in scratch the kernel may overwrite it. When the
 * output has more channels than the input, pixels are processed last to first (writing pixel p clobbers input
 * pixels >= p only); otherwise first to last (writing pixel p clobbers input pixels <= p only). Arithmetic as
 * tfg_conv2d_s8 (TFLM reference/integer_ops/conv.h).
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

static void tfg_conv1x1_inplace_s8_pixel(const int8_t *x, int32_t in_c, int8_t *out, int32_t out_c,
                                         const int8_t *filter, const int32_t *bias, int32_t input_offset,
                                         int32_t output_offset, tfg_per_channel_quant quant, tfg_activation act)
{
    int32_t oc;
    for (oc = 0; oc < out_c; ++oc) {
        const int8_t *w = filter + (size_t)oc * in_c;
        int32_t acc = 0;
        int32_t ic;
        for (ic = 0; ic < in_c; ++ic) {
            acc += (int32_t)w[ic] * ((int32_t)x[ic] + input_offset);
        }
        if (bias != NULL) {
            acc += bias[oc];
        }
        acc = tfg_mbqm(acc, quant.multiplier[oc], quant.shift[oc]);
        acc += output_offset;
        out[oc] = (int8_t)tfg_clamp(acc, act.min, act.max);
    }
}

tfg_status tfg_conv1x1_inplace_s8(int8_t *data, int32_t pixels, int32_t in_c, int32_t out_c,
                                  const int8_t *filter, const int32_t *bias,
                                  int32_t input_offset, int32_t output_offset,
                                  tfg_per_channel_quant quant, tfg_activation act, int8_t *scratch)
{
    int32_t k;
    if (pixels < 0 || in_c < 1 || out_c < 1) {
        return TFG_ERROR;
    }
    for (k = 0; k < pixels; ++k) {
        /* expanding: last pixel first; otherwise first pixel first */
        const int32_t p = out_c > in_c ? pixels - 1 - k : k;
        const int8_t *x = data + (size_t)p * in_c;
        int32_t i;
        for (i = 0; i < in_c; ++i) {
            scratch[i] = x[i];
        }
        tfg_conv1x1_inplace_s8_pixel(scratch, in_c, data + (size_t)p * out_c, out_c, filter, bias, input_offset,
                                     output_offset, quant, act);
    }
    return TFG_OK;
}
