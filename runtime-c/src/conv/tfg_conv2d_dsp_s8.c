/*
 * tinyforge runtime: int8 CONV_2D for cores with the DSP extension, bit-exact with tfg_conv2d_s8 (TFLM
 * reference). Output pixels are taken four at a time: each one's receptive field is gathered into an int8 row
 * (taps outside the input hold the input zero point, which contributes w * (zp + input_offset) = 0, the same
 * as TFLM skipping them), widened to int16 with input_offset added, and the four rows are multiplied against
 * each filter row: every word of four int8 weights is unpacked once by SXTB16 and feeds eight SMLADs.
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
    acc = tfg_requant_apply(acc, rq, quant.multiplier[oc], quant.shift[oc]) + output_offset;
    return (int8_t)tfg_clamp(acc, act.min, act.max);
}

/*
 * Scratch layout for four pixels (lanes 0..3) with k = 4 * groups4 + tail taps, in int32 words: per group of
 * four taps and per lane, the (x0 + off, x2 + off) and (x1 + off, x3 + off) pairs of int16; followed by the
 * lanes' tail values, one word each (lane 0's tail first).
 */
#define TFG_CONV2D_DSP_LANES 4

/* widens k int8 values (plus offset) into one lane of the interleaved rows */
static void tfg_conv2d_dsp_widen(const int8_t *src, int32_t *rows, int32_t k, int32_t lane, int32_t offset)
{
    const int32_t off2 = (int32_t)(((uint32_t)offset & 0xFFFFu) * 0x00010001u);
    const int32_t groups4 = k >> 2;
    const int32_t tail = k & 3;
    int32_t *dst = rows + 2 * lane;
    int32_t *tail_dst = rows + 2 * TFG_CONV2D_DSP_LANES * groups4 + tail * lane;
    int32_t g;
    int32_t t;
    for (g = 0; g < groups4; ++g) {
        const int32_t x = tfg_ld32(src);
        dst[0] = tfg_sxtab16(off2, x);
        dst[1] = tfg_sxtab16_ror8(off2, x);
        src += 4;
        dst += 2 * TFG_CONV2D_DSP_LANES;
    }
    for (t = 0; t < tail; ++t) {
        tail_dst[t] = src[t] + offset;
    }
}

/*
 * out[lane][oc] for every output channel from the four interleaved rows; out[1..3] may be NULL for a lane
 * that holds no pixel. Each weight word is unpacked once for the four pixels.
 */
static void tfg_conv2d_dsp_rows(const int32_t *rows, const int8_t *filter, int32_t k,
                                int32_t out_c, const int32_t *bias, const tfg_requant *rq,
                                tfg_per_channel_quant quant,
                                int32_t output_offset, tfg_activation act, int8_t *const *out)
{
    const int32_t groups4 = k >> 2;
    const int32_t tail = k & 3;
    const int32_t *tails = rows + 2 * TFG_CONV2D_DSP_LANES * groups4;
    int8_t *out0 = out[0];
    int8_t *out1 = out[1];
    int8_t *out2 = out[2];
    int8_t *out3 = out[3];
    int32_t oc;
    for (oc = 0; oc < out_c; ++oc) {
        const int8_t *w = filter + (size_t)oc * k;
        const int32_t *x = rows;
        int32_t a0 = bias != NULL ? bias[oc] : 0;
        int32_t a1 = a0;
        int32_t a2 = a0;
        int32_t a3 = a0;
        int32_t g = groups4;
        int32_t t;
        while (g > 0) {
            const int32_t wv = tfg_ld32(w);
            const int32_t we = tfg_sxtb16(wv);
            const int32_t wo = tfg_sxtb16_ror8(wv);
            int32_t xe;
            int32_t xo;
            TFG_LD2X32_INC(x, xe, xo);
            a0 = tfg_smlad(we, xe, a0);
            a0 = tfg_smlad(wo, xo, a0);
            TFG_LD2X32_INC(x, xe, xo);
            a1 = tfg_smlad(we, xe, a1);
            a1 = tfg_smlad(wo, xo, a1);
            TFG_LD2X32_INC(x, xe, xo);
            a2 = tfg_smlad(we, xe, a2);
            a2 = tfg_smlad(wo, xo, a2);
            TFG_LD2X32_INC(x, xe, xo);
            a3 = tfg_smlad(we, xe, a3);
            a3 = tfg_smlad(wo, xo, a3);
            w += 4;
            --g;
        }
        for (t = 0; t < tail; ++t) {
            const int32_t wt = w[t];
            a0 += wt * tails[t];
            a1 += wt * tails[tail + t];
            a2 += wt * tails[2 * tail + t];
            a3 += wt * tails[3 * tail + t];
        }
        {
            /* a local copy: the int8 stores below cannot alias it, so it stays in registers */
            const tfg_requant q = rq[oc];
            const int8_t y0 = tfg_conv2d_dsp_out(a0, oc, &q, quant, output_offset, act);
            const int8_t y1 = tfg_conv2d_dsp_out(a1, oc, &q, quant, output_offset, act);
            const int8_t y2 = tfg_conv2d_dsp_out(a2, oc, &q, quant, output_offset, act);
            const int8_t y3 = tfg_conv2d_dsp_out(a3, oc, &q, quant, output_offset, act);
            out0[oc] = y0;
            if (out1 != NULL) {
                out1[oc] = y1;
            }
            if (out2 != NULL) {
                out2[oc] = y2;
            }
            if (out3 != NULL) {
                out3[oc] = y3;
            }
        }
    }
}

/* the receptive field of output pixel p (of the whole batch), widened into lane `lane` of rows */
static void tfg_conv2d_dsp_gather(const int8_t *input, tfg_dims in, tfg_dims fd, tfg_dims od, int32_t p,
                                  int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                  int32_t pad_h, int32_t pad_w, int32_t input_offset, int8_t *row8,
                                  int32_t *rows, int32_t lane)
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
        int32_t *rows = (int32_t *)(rq + out_c);
        int8_t *row8 = (int8_t *)(rows + TFG_CONV2D_DSP_LANES * (2 * (k >> 2) + (k & 3)));
        int32_t p;
        for (p = 0; p < out_c; ++p) {
            rq[p] = tfg_requant_prepare(quant.multiplier[p], quant.shift[p]);
        }
        for (p = 0; p < pixels; p += TFG_CONV2D_DSP_LANES) {
            int8_t *out[TFG_CONV2D_DSP_LANES];
            int32_t lane;
            for (lane = 0; lane < TFG_CONV2D_DSP_LANES; ++lane) {
                /* lanes past the last pixel repeat it and store nothing */
                const int32_t q = p + lane < pixels ? p + lane : pixels - 1;
                out[lane] = p + lane < pixels ? output + (size_t)q * out_c : NULL;
                tfg_conv2d_dsp_gather(input, input_dims, filter_dims, output_dims, q, stride_h, stride_w,
                                      dilation_h, dilation_w, pad_h, pad_w, input_offset, row8, rows, lane);
            }
            tfg_conv2d_dsp_rows(rows, filter, k, out_c, bias, rq, quant, output_offset, act, out);
        }
        return TFG_OK;
    }
#else
    (void)scratch;
#endif
    return tfg_conv2d_s8(input, input_dims, filter, filter_dims, bias, output, output_dims, stride_h, stride_w,
                         dilation_h, dilation_w, pad_h, pad_w, input_offset, output_offset, quant, act);
}
