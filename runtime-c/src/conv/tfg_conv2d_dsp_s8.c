/*
 * tinyforge runtime: int8 CONV_2D for cores with the DSP extension, bit-exact with tfg_conv2d_s8 (TFLM
 * reference). Output pixels are taken two at a time: each one's receptive field is gathered into an int8 row
 * (taps outside the input hold the input zero point, which contributes w * (zp + input_offset) = 0, the same
 * as TFLM skipping them), widened to int16 with input_offset added, and the two rows are multiplied against
 * two filter rows at a time: every word of four int8 weights is unpacked once by SXTB16 and feeds four SMLADs.
 * 1x1 convolutions without padding widen the input pixel directly. Grouped convolutions and targets without
 * the DSP extension (or with TFG_FORCE_REFERENCE) run tfg_conv2d_s8.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"
#include "tfg_dsp.h"

#if TFG_HAS_DSP

static inline int8_t tfg_conv2d_dsp_out(int32_t acc, int32_t oc, const tfg_requant *rq,
                                        tfg_per_channel_quant quant, int32_t output_offset, tfg_activation act)
{
    acc = tfg_requant_apply(acc, rq + oc, quant.multiplier[oc], quant.shift[oc]) + output_offset;
    return (int8_t)tfg_clamp(acc, act.min, act.max);
}

/*
 * Scratch layout for two pixels a and b with k = 4 * groups4 + tail taps: groups4 blocks of eight int16,
 * a's group (x0 + off, x2 + off, x1 + off, x3 + off) then b's, followed by a's tail and b's tail (in order).
 */

/* widens k int8 values (plus offset) into lane 0 (a) or 1 (b) of the interleaved rows */
static void tfg_conv2d_dsp_widen(const int8_t *src, int16_t *rows, int32_t k, int32_t lane, int32_t offset)
{
    const int32_t off2 = (int32_t)(((uint32_t)offset & 0xFFFFu) * 0x00010001u);
    const int32_t groups4 = k >> 2;
    const int32_t tail = k & 3;
    int16_t *dst = rows + 4 * lane;
    int16_t *tail_dst = rows + 8 * groups4 + tail * lane;
    int32_t g;
    int32_t t;
    for (g = 0; g < groups4; ++g) {
        const int32_t x = tfg_ld32(src);
        tfg_st32(dst, tfg_sxtab16(off2, x));
        tfg_st32(dst + 2, tfg_sxtab16_ror8(off2, x));
        src += 4;
        dst += 8;
    }
    for (t = 0; t < tail; ++t) {
        tail_dst[t] = (int16_t)(src[t] + offset);
    }
}

/* out_a[oc] / out_b[oc] (out_b may be NULL) for every output channel from the interleaved rows */
static void tfg_conv2d_dsp_rows(const int16_t *rows, const int8_t *filter, int32_t k,
                                int32_t out_c, const int32_t *bias, const tfg_requant *rq,
                                tfg_per_channel_quant quant,
                                int32_t output_offset, tfg_activation act, int8_t *out_a, int8_t *out_b)
{
    const int32_t groups4 = k >> 2;
    const int32_t tail = k & 3;
    const int16_t *tail_a = rows + 8 * groups4;
    const int16_t *tail_b = tail_a + tail;
    int32_t oc = 0;
    for (; oc + 2 <= out_c; oc += 2) {
        const int8_t *w = filter + (size_t)oc * k;
        const int8_t *w_end = w + 4 * groups4;
        const int16_t *x = rows;
        int32_t a0 = bias != NULL ? bias[oc] : 0;
        int32_t a1 = bias != NULL ? bias[oc + 1] : 0;
        int32_t b0 = a0;
        int32_t b1 = a1;
        int32_t t;
        while (w != w_end) {
            const int32_t xa0 = tfg_ld32(x);
            const int32_t xa1 = tfg_ld32(x + 2);
            const int32_t xb0 = tfg_ld32(x + 4);
            const int32_t xb1 = tfg_ld32(x + 6);
            int32_t wv = tfg_ld32(w + k);
            int32_t we = tfg_sxtb16(wv);
            int32_t wo = tfg_sxtb16_ror8(wv);
            a1 = tfg_smlad(we, xa0, a1);
            a1 = tfg_smlad(wo, xa1, a1);
            b1 = tfg_smlad(we, xb0, b1);
            b1 = tfg_smlad(wo, xb1, b1);
            wv = tfg_ld32(w);
            we = tfg_sxtb16(wv);
            wo = tfg_sxtb16_ror8(wv);
            a0 = tfg_smlad(we, xa0, a0);
            a0 = tfg_smlad(wo, xa1, a0);
            b0 = tfg_smlad(we, xb0, b0);
            b0 = tfg_smlad(wo, xb1, b0);
            w += 4;
            x += 8;
        }
        for (t = 0; t < tail; ++t) {
            a0 += (int32_t)w[t] * tail_a[t];
            a1 += (int32_t)w[k + t] * tail_a[t];
            b0 += (int32_t)w[t] * tail_b[t];
            b1 += (int32_t)w[k + t] * tail_b[t];
        }
        out_a[oc] = tfg_conv2d_dsp_out(a0, oc, rq, quant, output_offset, act);
        out_a[oc + 1] = tfg_conv2d_dsp_out(a1, oc + 1, rq, quant, output_offset, act);
        if (out_b != NULL) {
            out_b[oc] = tfg_conv2d_dsp_out(b0, oc, rq, quant, output_offset, act);
            out_b[oc + 1] = tfg_conv2d_dsp_out(b1, oc + 1, rq, quant, output_offset, act);
        }
    }
    if (oc < out_c) {
        const int8_t *w = filter + (size_t)oc * k;
        const int16_t *x = rows;
        int32_t a0 = bias != NULL ? bias[oc] : 0;
        int32_t b0 = a0;
        int32_t g;
        int32_t t;
        for (g = 0; g < groups4; ++g) {
            const int32_t wv = tfg_ld32(w);
            const int32_t we = tfg_sxtb16(wv);
            const int32_t wo = tfg_sxtb16_ror8(wv);
            a0 = tfg_smlad(we, tfg_ld32(x), a0);
            a0 = tfg_smlad(wo, tfg_ld32(x + 2), a0);
            b0 = tfg_smlad(we, tfg_ld32(x + 4), b0);
            b0 = tfg_smlad(wo, tfg_ld32(x + 6), b0);
            w += 4;
            x += 8;
        }
        for (t = 0; t < tail; ++t) {
            a0 += (int32_t)w[t] * tail_a[t];
            b0 += (int32_t)w[t] * tail_b[t];
        }
        out_a[oc] = tfg_conv2d_dsp_out(a0, oc, rq, quant, output_offset, act);
        if (out_b != NULL) {
            out_b[oc] = tfg_conv2d_dsp_out(b0, oc, rq, quant, output_offset, act);
        }
    }
}

/* the receptive field of output pixel p (of the whole batch), widened into lane `lane` of rows */
static void tfg_conv2d_dsp_gather(const int8_t *input, tfg_dims in, tfg_dims fd, tfg_dims od, int32_t p,
                                  int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                  int32_t pad_h, int32_t pad_w, int32_t input_offset, int8_t *row8,
                                  int16_t *rows, int32_t lane)
{
    const int32_t ox = p % od.w;
    const int32_t oy = (p / od.w) % od.h;
    const int32_t b = p / (od.w * od.h);
    const int32_t iy0 = oy * stride_h - pad_h;
    const int32_t ix0 = ox * stride_w - pad_w;
    const int32_t k = fd.h * fd.w * in.c;
    const int8_t *batch = input + (size_t)b * in.h * in.w * in.c;
    if (fd.h == 1 && fd.w == 1 && iy0 >= 0 && iy0 < in.h && ix0 >= 0 && ix0 < in.w) {
        tfg_conv2d_dsp_widen(batch + ((size_t)iy0 * in.w + ix0) * in.c, rows, k, lane, input_offset);
    } else {
        const int8_t zp = (int8_t)(-input_offset);
        int8_t *r = row8;
        int32_t ky;
        int32_t kx;
        for (ky = 0; ky < fd.h; ++ky) {
            const int32_t iy = iy0 + dilation_h * ky;
            if (iy < 0 || iy >= in.h) {
                memset(r, zp, (size_t)fd.w * in.c);
                r += fd.w * in.c;
                continue;
            }
            for (kx = 0; kx < fd.w; ++kx) {
                const int32_t ix = ix0 + dilation_w * kx;
                if (ix < 0 || ix >= in.w) {
                    memset(r, zp, (size_t)in.c);
                } else {
                    memcpy(r, batch + ((size_t)iy * in.w + ix) * in.c, (size_t)in.c);
                }
                r += in.c;
            }
        }
        tfg_conv2d_dsp_widen(row8, rows, k, lane, input_offset);
    }
}

#endif /* TFG_HAS_DSP */

tfg_status tfg_conv2d_dsp_s8(const int8_t *input, tfg_dims input_dims,
                             const int8_t *filter, tfg_dims filter_dims,
                             const int32_t *bias,
                             int8_t *output, tfg_dims output_dims,
                             int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                             int32_t pad_h, int32_t pad_w,
                             int32_t input_offset, int32_t output_offset,
                             tfg_per_channel_quant quant, tfg_activation act, void *scratch)
{
#if TFG_HAS_DSP
    if (scratch != NULL && filter_dims.c == input_dims.c && filter_dims.n == output_dims.c
        && input_dims.n == output_dims.n && stride_h >= 1 && stride_w >= 1 && dilation_h >= 1
        && dilation_w >= 1) {
        const int32_t k = filter_dims.h * filter_dims.w * filter_dims.c;
        const int32_t pixels = output_dims.n * output_dims.h * output_dims.w;
        const int32_t out_c = output_dims.c;
        tfg_requant *rq = (tfg_requant *)scratch;
        int16_t *rows = (int16_t *)(rq + out_c);
        int8_t *row8 = (int8_t *)(rows + 2 * k);
        int32_t p;
        for (p = 0; p < out_c; ++p) {
            rq[p] = tfg_requant_prepare(quant.multiplier[p], quant.shift[p]);
        }
        for (p = 0; p + 2 <= pixels; p += 2) {
            tfg_conv2d_dsp_gather(input, input_dims, filter_dims, output_dims, p, stride_h, stride_w,
                                  dilation_h, dilation_w, pad_h, pad_w, input_offset, row8, rows, 0);
            tfg_conv2d_dsp_gather(input, input_dims, filter_dims, output_dims, p + 1, stride_h, stride_w,
                                  dilation_h, dilation_w, pad_h, pad_w, input_offset, row8, rows, 1);
            tfg_conv2d_dsp_rows(rows, filter, k, out_c, bias, rq, quant, output_offset, act,
                                output + (size_t)p * out_c, output + (size_t)(p + 1) * out_c);
        }
        if (p < pixels) {
            tfg_conv2d_dsp_gather(input, input_dims, filter_dims, output_dims, p, stride_h, stride_w,
                                  dilation_h, dilation_w, pad_h, pad_w, input_offset, row8, rows, 0);
            tfg_conv2d_dsp_gather(input, input_dims, filter_dims, output_dims, p, stride_h, stride_w,
                                  dilation_h, dilation_w, pad_h, pad_w, input_offset, row8, rows, 1);
            tfg_conv2d_dsp_rows(rows, filter, k, out_c, bias, rq, quant, output_offset, act,
                                output + (size_t)p * out_c, NULL);
        }
        return TFG_OK;
    }
#else
    (void)scratch;
#endif
    return tfg_conv2d_s8(input, input_dims, filter, filter_dims, bias, output, output_dims, stride_h, stride_w,
                         dilation_h, dilation_w, pad_h, pad_w, input_offset, output_offset, quant, act);
}
