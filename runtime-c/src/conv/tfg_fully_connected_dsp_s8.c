/*
 * tinyforge runtime: int8 FULLY_CONNECTED for cores with the DSP extension, bit-exact with
 * tfg_fully_connected_s8 (TFLM reference). Two output rows per pass: each word of four inputs is widened once
 * with input_offset added (SXTAB16, even and odd lanes) and feeds four SMLADs against the two rows' weight
 * words (SXTB16). Asymmetric weights (filter_offset != 0), and targets without the DSP extension (or with
 * TFG_FORCE_REFERENCE), run tfg_fully_connected_s8.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"
#include "tfg_dsp.h"

#if TFG_HAS_DSP
static inline int8_t tfg_fully_connected_dsp_out(int32_t acc, int32_t q, tfg_per_channel_quant quant,
                                                 int32_t output_offset, tfg_activation act)
{
    acc = tfg_requantize_fast(acc, quant.multiplier[q], quant.shift[q]) + output_offset;
    return (int8_t)tfg_clamp(acc, act.min, act.max);
}
#endif

tfg_status tfg_fully_connected_dsp_s8(const int8_t *input, const int8_t *filter, const int32_t *bias,
                                      int8_t *output,
                                      int32_t batches, int32_t accum_depth, int32_t out_depth,
                                      int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                      tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act)
{
#if TFG_HAS_DSP
    if (filter_offset == 0 && batches >= 0 && accum_depth >= 0 && out_depth >= 0) {
        const int32_t off2 = (int32_t)(((uint32_t)input_offset & 0xFFFFu) * 0x00010001u);
        const int32_t groups4 = accum_depth >> 2;
        const int32_t tail = accum_depth & 3;
        int32_t b;
        for (b = 0; b < batches; ++b) {
            const int8_t *in = input + (size_t)b * accum_depth;
            int8_t *out = output + (size_t)b * out_depth;
            int32_t o = 0;
            for (; o + 2 <= out_depth; o += 2) {
                const int8_t *w0 = filter + (size_t)o * accum_depth;
                const int8_t *w1 = w0 + accum_depth;
                const int8_t *x = in;
                int32_t a0 = bias != NULL ? bias[o] : 0;
                int32_t a1 = bias != NULL ? bias[o + 1] : 0;
                int32_t g;
                int32_t t;
                for (g = 0; g < groups4; ++g) {
                    const int32_t xv = tfg_ld32(x);
                    const int32_t xe = tfg_sxtab16(off2, xv);
                    const int32_t xo = tfg_sxtab16_ror8(off2, xv);
                    const int32_t wv0 = tfg_ld32(w0);
                    const int32_t wv1 = tfg_ld32(w1);
                    a0 = tfg_smlad(tfg_sxtb16(wv0), xe, a0);
                    a0 = tfg_smlad(tfg_sxtb16_ror8(wv0), xo, a0);
                    a1 = tfg_smlad(tfg_sxtb16(wv1), xe, a1);
                    a1 = tfg_smlad(tfg_sxtb16_ror8(wv1), xo, a1);
                    x += 4;
                    w0 += 4;
                    w1 += 4;
                }
                for (t = 0; t < tail; ++t) {
                    const int32_t xv = (int32_t)x[t] + input_offset;
                    a0 += (int32_t)w0[t] * xv;
                    a1 += (int32_t)w1[t] * xv;
                }
                out[o] = tfg_fully_connected_dsp_out(a0, per_channel ? o : 0, quant, output_offset, act);
                out[o + 1] = tfg_fully_connected_dsp_out(a1, per_channel ? o + 1 : 0, quant, output_offset, act);
            }
            if (o < out_depth) {
                const int8_t *w0 = filter + (size_t)o * accum_depth;
                int32_t a0 = bias != NULL ? bias[o] : 0;
                int32_t i;
                for (i = 0; i < accum_depth; ++i) {
                    a0 += (int32_t)w0[i] * ((int32_t)in[i] + input_offset);
                }
                out[o] = tfg_fully_connected_dsp_out(a0, per_channel ? o : 0, quant, output_offset, act);
            }
        }
        return TFG_OK;
    }
#endif
    return tfg_fully_connected_s8(input, filter, bias, output, batches, accum_depth, out_depth, input_offset,
                                  filter_offset, output_offset, quant, per_channel, act);
}
