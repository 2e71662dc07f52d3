/*
 * tinyforge runtime: the GEMM micro-kernel shared by tfg_conv2d_gemm_s8 and tfg_conv1x1_gemm_inplace_s8: the
 * outputs of up to four pixels (one block of widened int16 columns, tfg_gemm.h) for every output channel. Per
 * group of four input channels and channel, one LDRD of packed weights feeds eight SMLADs against the four
 * pixels' LDRD-loaded columns (13 instructions per 16 multiply-accumulates); each channel's requantization
 * constants are loaded once for the four pixels (tfg_gemm_requant: SMMLAR, add, shift, SSAT per output).
 */
#include "tfg_nn.h"
#include "tfg_gemm.h"

void tfg_conv2d_gemm_block_s8(const int32_t *cols, int32_t groups, const int16_t *filter,
                              const tfg_gemm_channel *channels, int32_t out_c, int8_t *out, int32_t n,
                              tfg_activation act)
{
    const int full = act.min <= -128 && act.max >= 127;
    /* lanes past n alias lane 0 and are never stored */
    int8_t *out1 = n > 1 ? out + out_c : out;
    int8_t *out2 = n > 2 ? out + 2 * out_c : out;
    int8_t *out3 = n > 3 ? out + 3 * out_c : out;
    const int16_t *w = filter;
    int32_t oc;
    for (oc = 0; oc < out_c; ++oc) {
        const tfg_gemm_channel *ch = channels + oc;
        const int32_t *x = cols;
        int32_t a0 = ch->bias;
        int32_t a1 = a0;
        int32_t a2 = a0;
        int32_t a3 = a0;
        int32_t g = groups;
        do {
            int32_t we;
            int32_t wo;
            int32_t xe;
            int32_t xo;
            TFG_GEMM_LD2(w, we, wo);
            TFG_GEMM_LD2(x, xe, xo);
            a0 = tfg_gemm_smlad(we, xe, a0);
            a0 = tfg_gemm_smlad(wo, xo, a0);
            TFG_GEMM_LD2(x, xe, xo);
            a1 = tfg_gemm_smlad(we, xe, a1);
            a1 = tfg_gemm_smlad(wo, xo, a1);
            TFG_GEMM_LD2(x, xe, xo);
            a2 = tfg_gemm_smlad(we, xe, a2);
            a2 = tfg_gemm_smlad(wo, xo, a2);
            TFG_GEMM_LD2(x, xe, xo);
            a3 = tfg_gemm_smlad(we, xe, a3);
            a3 = tfg_gemm_smlad(wo, xo, a3);
        } while (--g > 0);
        {
            const int32_t m = ch->multiplier;
            const int32_t rd = ch->round;
            const int32_t sh = ch->shift;
            a0 = tfg_gemm_requant(a0, m, rd, sh);
            a1 = tfg_gemm_requant(a1, m, rd, sh);
            a2 = tfg_gemm_requant(a2, m, rd, sh);
            a3 = tfg_gemm_requant(a3, m, rd, sh);
        }
        if (full) {
            a0 = tfg_gemm_sat8(a0);
            a1 = tfg_gemm_sat8(a1);
            a2 = tfg_gemm_sat8(a2);
            a3 = tfg_gemm_sat8(a3);
        } else {
            a0 = tfg_clamp(a0, act.min, act.max);
            a1 = tfg_clamp(a1, act.min, act.max);
            a2 = tfg_clamp(a2, act.min, act.max);
            a3 = tfg_clamp(a3, act.min, act.max);
        }
        if (n == TFG_GEMM_LANES) {
            out[oc] = (int8_t)a0;
            out1[oc] = (int8_t)a1;
            out2[oc] = (int8_t)a2;
            out3[oc] = (int8_t)a3;
        } else {
            out[oc] = (int8_t)a0;
            if (n > 1) {
                out1[oc] = (int8_t)a1;
            }
            if (n > 2) {
                out2[oc] = (int8_t)a2;
            }
        }
    }
}
