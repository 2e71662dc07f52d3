/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D with depth multiplier 1 for cores with the DSP extension,
 * bit-exact with tfg_depthwise_conv2d_s8 (TFLM reference). Four channels are one word of input and one word
 * of filter: SXTAB16 widens the inputs with input_offset added, SXTB16 the weights, and SMLABB/SMLATT
 * accumulate the four channels in registers over the valid taps (taps in the padding are skipped, as in
 * TFLM). Other depth multipliers, and targets without the DSP extension (or with TFG_FORCE_REFERENCE), run
 * tfg_depthwise_conv2d_s8.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"
#include "tfg_dsp.h"

#if TFG_HAS_DSP

/* [*start, *end): the filter taps k with 0 <= origin + dilation * k < in_size */
static void tfg_depthwise_conv2d_dsp_window(int32_t origin, int32_t dilation, int32_t k_size, int32_t in_size,
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

static inline int8_t tfg_depthwise_conv2d_dsp_out(int32_t acc, int32_t c, const tfg_requant *rq,
                                                  tfg_per_channel_quant quant, int32_t output_offset,
                                                  tfg_activation act)
{
    acc = tfg_requant_apply(acc, rq + c, quant.multiplier[c], quant.shift[c]) + output_offset;
    return (int8_t)tfg_clamp(acc, act.min, act.max);
}

/*
 * Two output pixels a and b with the same filter taps inside the input (horizontal neighbours with whole
 * windows, or vertical neighbours with whole columns): each weight word is unpacked once for both. x points at
 * pixel a's first used tap (channel 0), pixel b's taps are x_b bytes further; w at the first used tap; rows x
 * n_kx taps, w_row_step bytes between filter rows; a's channels go to out, b's to out + out_b.
 */
static void tfg_depthwise_conv2d_dsp_pair(const int8_t *x_first, int32_t x_b, const int8_t *w_first, int32_t rows,
                                          int32_t n_kx, int32_t w_row_step, int32_t ch, int32_t x_step,
                                          int32_t row_step, int32_t off2, int32_t input_offset, const int32_t *bias,
                                          const tfg_requant *rq, tfg_per_channel_quant quant,
                                          int32_t output_offset, tfg_activation act, int8_t *out, int32_t out_b)
{
    int32_t c = 0;
    for (; c + 4 <= ch; c += 4) {
        int32_t a0 = bias != NULL ? bias[c] : 0;
        int32_t a1 = bias != NULL ? bias[c + 1] : 0;
        int32_t a2 = bias != NULL ? bias[c + 2] : 0;
        int32_t a3 = bias != NULL ? bias[c + 3] : 0;
        int32_t b0 = a0;
        int32_t b1 = a1;
        int32_t b2 = a2;
        int32_t b3 = a3;
        const int8_t *x_row = x_first + c;
        const int8_t *w_row = w_first + c;
        int32_t r;
        for (r = 0; r < rows; ++r) {
            const int8_t *x = x_row;
            const int8_t *w = w_row;
            int32_t kx;
            for (kx = 0; kx < n_kx; ++kx) {
                const int32_t wv = tfg_ld32(w);
                const int32_t we = tfg_sxtb16(wv);
                const int32_t wo = tfg_sxtb16_ror8(wv);
                int32_t xv = tfg_ld32(x);
                int32_t xe = tfg_sxtab16(off2, xv);
                int32_t xo = tfg_sxtab16_ror8(off2, xv);
                a0 = tfg_smlabb(xe, we, a0);
                a2 = tfg_smlatt(xe, we, a2);
                a1 = tfg_smlabb(xo, wo, a1);
                a3 = tfg_smlatt(xo, wo, a3);
                xv = tfg_ld32(x + x_b);
                xe = tfg_sxtab16(off2, xv);
                xo = tfg_sxtab16_ror8(off2, xv);
                b0 = tfg_smlabb(xe, we, b0);
                b2 = tfg_smlatt(xe, we, b2);
                b1 = tfg_smlabb(xo, wo, b1);
                b3 = tfg_smlatt(xo, wo, b3);
                x += x_step;
                w += ch;
            }
            x_row += row_step;
            w_row += w_row_step;
        }
        out[c] = tfg_depthwise_conv2d_dsp_out(a0, c, rq, quant, output_offset, act);
        out[c + 1] = tfg_depthwise_conv2d_dsp_out(a1, c + 1, rq, quant, output_offset, act);
        out[c + 2] = tfg_depthwise_conv2d_dsp_out(a2, c + 2, rq, quant, output_offset, act);
        out[c + 3] = tfg_depthwise_conv2d_dsp_out(a3, c + 3, rq, quant, output_offset, act);
        out[out_b + c] = tfg_depthwise_conv2d_dsp_out(b0, c, rq, quant, output_offset, act);
        out[out_b + c + 1] = tfg_depthwise_conv2d_dsp_out(b1, c + 1, rq, quant, output_offset, act);
        out[out_b + c + 2] = tfg_depthwise_conv2d_dsp_out(b2, c + 2, rq, quant, output_offset, act);
        out[out_b + c + 3] = tfg_depthwise_conv2d_dsp_out(b3, c + 3, rq, quant, output_offset, act);
    }
    for (; c < ch; ++c) {
        int32_t a = bias != NULL ? bias[c] : 0;
        int32_t bb = a;
        const int8_t *x_row = x_first + c;
        const int8_t *w_row = w_first + c;
        int32_t r;
        for (r = 0; r < rows; ++r) {
            int32_t kx;
            for (kx = 0; kx < n_kx; ++kx) {
                a += (int32_t)w_row[kx * ch] * ((int32_t)x_row[kx * x_step] + input_offset);
                bb += (int32_t)w_row[kx * ch] * ((int32_t)x_row[kx * x_step + x_b] + input_offset);
            }
            x_row += row_step;
            w_row += w_row_step;
        }
        out[c] = tfg_depthwise_conv2d_dsp_out(a, c, rq, quant, output_offset, act);
        out[out_b + c] = tfg_depthwise_conv2d_dsp_out(bb, c, rq, quant, output_offset, act);
    }
}

#endif /* TFG_HAS_DSP */

tfg_status tfg_depthwise_conv2d_dsp_s8(const int8_t *input, tfg_dims input_dims,
                                       const int8_t *filter, tfg_dims filter_dims,
                                       const int32_t *bias,
                                       int8_t *output, tfg_dims output_dims,
                                       int32_t depth_multiplier,
                                       int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                       int32_t pad_h, int32_t pad_w,
                                       int32_t input_offset, int32_t output_offset,
                                       tfg_per_channel_quant quant, tfg_activation act, void *scratch)
{
#if TFG_HAS_DSP
    if (scratch != NULL && depth_multiplier == 1 && filter_dims.c == input_dims.c && output_dims.c == input_dims.c
        && input_dims.n == output_dims.n && stride_h >= 1 && stride_w >= 1 && dilation_h >= 1
        && dilation_w >= 1) {
        const int32_t in_h = input_dims.h;
        const int32_t in_w = input_dims.w;
        const int32_t ch = input_dims.c;
        const int32_t k_w = filter_dims.w;
        const int32_t off2 = (int32_t)(((uint32_t)input_offset & 0xFFFFu) * 0x00010001u);
        const int32_t x_step = dilation_w * ch;
        tfg_requant *rq = (tfg_requant *)scratch;
        int8_t *out = output;
        int32_t b;
        int32_t oy;
        int32_t ox;
        for (b = 0; b < ch; ++b) {
            rq[b] = tfg_requant_prepare(quant.multiplier[b], quant.shift[b]);
        }
        for (b = 0; b < input_dims.n; ++b) {
            const int8_t *in_batch = input + (size_t)b * in_h * in_w * ch;
            for (oy = 0; oy < output_dims.h; ++oy) {
                const int32_t iy0 = oy * stride_h - pad_h;
                int32_t ky0;
                int32_t ky1;
                if (oy + 1 < output_dims.h && iy0 >= 0
                    && iy0 + stride_h + dilation_h * (filter_dims.h - 1) < in_h) {
                    /* rows oy and oy + 1 both have whole filter columns: vertical pairs */
                    for (ox = 0; ox < output_dims.w; ++ox) {
                        const int32_t ix0 = ox * stride_w - pad_w;
                        int32_t kx0;
                        int32_t kx1;
                        tfg_depthwise_conv2d_dsp_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                        tfg_depthwise_conv2d_dsp_pair(
                            in_batch + ((size_t)iy0 * in_w + (ix0 + dilation_w * kx0)) * ch, stride_h * in_w * ch,
                            filter + (size_t)kx0 * ch, filter_dims.h, kx1 - kx0, k_w * ch, ch, x_step,
                            dilation_h * in_w * ch, off2, input_offset, bias, rq, quant, output_offset, act,
                            out + (size_t)ox * ch, output_dims.w * ch);
                    }
                    out += (size_t)2 * output_dims.w * ch;
                    ++oy;
                    continue;
                }
                tfg_depthwise_conv2d_dsp_window(iy0, dilation_h, filter_dims.h, in_h, &ky0, &ky1);
                for (ox = 0; ox < output_dims.w; ++ox) {
                    const int32_t ix0 = ox * stride_w - pad_w;
                    const int8_t *x_first;
                    const int8_t *w_first;
                    int32_t kx0;
                    int32_t kx1;
                    int32_t c = 0;
                    if (ox + 1 < output_dims.w && ix0 >= 0 && ix0 + stride_w + dilation_w * (k_w - 1) < in_w) {
                        tfg_depthwise_conv2d_dsp_pair(
                            in_batch + ((size_t)(iy0 + dilation_h * ky0) * in_w + ix0) * ch, stride_w * ch,
                            filter + (size_t)ky0 * k_w * ch, ky1 - ky0, k_w, k_w * ch, ch, x_step,
                            dilation_h * in_w * ch, off2, input_offset, bias, rq, quant, output_offset, act, out, ch);
                        out += 2 * ch;
                        ++ox;
                        continue;
                    }
                    tfg_depthwise_conv2d_dsp_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                    x_first = in_batch + ((size_t)(iy0 + dilation_h * ky0) * in_w + (ix0 + dilation_w * kx0)) * ch;
                    w_first = filter + ((size_t)ky0 * k_w + kx0) * ch;
                    for (; c + 4 <= ch; c += 4) {
                        int32_t a0 = bias != NULL ? bias[c] : 0;
                        int32_t a1 = bias != NULL ? bias[c + 1] : 0;
                        int32_t a2 = bias != NULL ? bias[c + 2] : 0;
                        int32_t a3 = bias != NULL ? bias[c + 3] : 0;
                        const int8_t *x_row = x_first + c;
                        const int8_t *w_row = w_first + c;
                        int32_t ky;
                        for (ky = ky0; ky < ky1; ++ky) {
                            const int8_t *x = x_row;
                            const int8_t *w = w_row;
                            int32_t kx;
                            for (kx = kx0; kx < kx1; ++kx) {
                                const int32_t xv = tfg_ld32(x);
                                const int32_t wv = tfg_ld32(w);
                                const int32_t xe = tfg_sxtab16(off2, xv);
                                const int32_t xo = tfg_sxtab16_ror8(off2, xv);
                                const int32_t we = tfg_sxtb16(wv);
                                const int32_t wo = tfg_sxtb16_ror8(wv);
                                a0 = tfg_smlabb(xe, we, a0);
                                a2 = tfg_smlatt(xe, we, a2);
                                a1 = tfg_smlabb(xo, wo, a1);
                                a3 = tfg_smlatt(xo, wo, a3);
                                x += x_step;
                                w += ch;
                            }
                            x_row += (size_t)dilation_h * in_w * ch;
                            w_row += k_w * ch;
                        }
                        out[c] = tfg_depthwise_conv2d_dsp_out(a0, c, rq, quant, output_offset, act);
                        out[c + 1] = tfg_depthwise_conv2d_dsp_out(a1, c + 1, rq, quant, output_offset, act);
                        out[c + 2] = tfg_depthwise_conv2d_dsp_out(a2, c + 2, rq, quant, output_offset, act);
                        out[c + 3] = tfg_depthwise_conv2d_dsp_out(a3, c + 3, rq, quant, output_offset, act);
                    }
                    for (; c < ch; ++c) {
                        int32_t acc = bias != NULL ? bias[c] : 0;
                        const int8_t *x_row = x_first + c;
                        const int8_t *w_row = w_first + c;
                        int32_t ky;
                        for (ky = ky0; ky < ky1; ++ky) {
                            int32_t kx;
                            for (kx = 0; kx < kx1 - kx0; ++kx) {
                                acc += (int32_t)w_row[kx * ch] * ((int32_t)x_row[kx * x_step] + input_offset);
                            }
                            x_row += (size_t)dilation_h * in_w * ch;
                            w_row += k_w * ch;
                        }
                        out[c] = tfg_depthwise_conv2d_dsp_out(acc, c, rq, quant, output_offset, act);
                    }
                    out += ch;
                }
            }
        }
        return TFG_OK;
    }
#else
    (void)scratch;
#endif
    return tfg_depthwise_conv2d_s8(input, input_dims, filter, filter_dims, bias, output, output_dims,
                                   depth_multiplier, stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w,
                                   input_offset, output_offset, quant, act);
}
