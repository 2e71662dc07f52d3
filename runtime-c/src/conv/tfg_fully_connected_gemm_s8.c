/*
 * tinyforge runtime: int8 FULLY_CONNECTED (symmetric weights) over generator-packed int16 weights
 * (tfg_gemm.h), bit-exact with tfg_fully_connected_s8 (TFLM reference). Each input row is widened once to int16
 * with the input offset into scratch; outputs go four at a time: the four rows' weights are interleaved per
 * group of four inputs, so one LDRD of widened inputs feeds eight SMLADs against four LDRD-loaded weight pairs
 * (13 instructions per 16 multiply-accumulates). The generator pads the rows to a multiple of four with zero
 * weights and channels; padded outputs are not stored.
 */
#include "tfg_nn.h"
#include "tfg_gemm.h"

tfg_status tfg_fully_connected_gemm_s8(const int8_t *input, const int16_t *filter,
                                       const tfg_gemm_channel *channels, int8_t *output,
                                       int32_t batches, int32_t accum_depth, int32_t out_depth,
                                       int32_t input_offset, int32_t output_offset, tfg_activation act,
                                       void *scratch)
{
    const int32_t groups = (accum_depth + 3) >> 2;
    const int32_t whole = accum_depth >> 2;
    const int32_t tail = accum_depth & 3;
    const int32_t off2 = tfg_gemm_offset2(input_offset);
    const int fullrange = act.min <= -128 && act.max >= 127 && output_offset == 0;
    int32_t *cols = (int32_t *)scratch;
    int32_t b;
    if (scratch == NULL || batches < 0 || accum_depth < 1 || out_depth < 0) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        const int8_t *in = input + (size_t)b * accum_depth;
        int8_t *out = output + (size_t)b * out_depth;
        const int16_t *w = filter;
        const tfg_gemm_channel *ch = channels;
        int32_t o;
        tfg_gemm_widen(in, cols, whole, 0, off2, 2);
        if (tail != 0) {
            int8_t last[4] = {0, 0, 0, 0};
            memcpy(last, in + 4 * whole, (size_t)tail);
            tfg_gemm_widen(last, cols + 2 * whole, 1, 0, off2, 2);
        }
        for (o = 0; o < out_depth; o += 4) {
            const int32_t *x = cols;
            int32_t a0 = ch[0].bias;
            int32_t a1 = ch[1].bias;
            int32_t a2 = ch[2].bias;
            int32_t a3 = ch[3].bias;
            int32_t g = groups;
            int32_t y[4];
            int32_t j;
            do {
                int32_t xe;
                int32_t xo;
                int32_t we;
                int32_t wo;
                TFG_GEMM_LD2(x, xe, xo);
                TFG_GEMM_LD2(w, we, wo);
                a0 = tfg_gemm_smlad(we, xe, a0);
                a0 = tfg_gemm_smlad(wo, xo, a0);
                TFG_GEMM_LD2(w, we, wo);
                a1 = tfg_gemm_smlad(we, xe, a1);
                a1 = tfg_gemm_smlad(wo, xo, a1);
                TFG_GEMM_LD2(w, we, wo);
                a2 = tfg_gemm_smlad(we, xe, a2);
                a2 = tfg_gemm_smlad(wo, xo, a2);
                TFG_GEMM_LD2(w, we, wo);
                a3 = tfg_gemm_smlad(we, xe, a3);
                a3 = tfg_gemm_smlad(wo, xo, a3);
            } while (--g > 0);
            y[0] = tfg_gemm_requant(a0, ch[0].multiplier, ch[0].round, ch[0].shift, ch[0].shift >> 8);
            y[1] = tfg_gemm_requant(a1, ch[1].multiplier, ch[1].round, ch[1].shift, ch[1].shift >> 8);
            y[2] = tfg_gemm_requant(a2, ch[2].multiplier, ch[2].round, ch[2].shift, ch[2].shift >> 8);
            y[3] = tfg_gemm_requant(a3, ch[3].multiplier, ch[3].round, ch[3].shift, ch[3].shift >> 8);
            for (j = 0; j < 4 && o + j < out_depth; ++j) {
                out[o + j] = (int8_t)(fullrange ? tfg_gemm_sat8(y[j])
                                                : tfg_clamp(y[j] + output_offset, act.min, act.max));
            }
            ch += 4;
        }
    }
    return TFG_OK;
}
