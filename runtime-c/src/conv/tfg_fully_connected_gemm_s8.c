/*
 * tinyforge runtime: int8 FULLY_CONNECTED (symmetric weights) over generator-packed int16 weights
 * (tfg_gemm.h), bit-exact with tfg_fully_connected_s8 (TFLM reference). Each input row is widened once to int16
 * with the input offset into scratch; outputs go four at a time: the four rows' weights are interleaved per
 * group of four inputs, so one LDRD of widened inputs feeds eight SMLADs against the four rows' weight words
 * (two LDMs: 24 instructions per 32 multiply-accumulates with the loop test). The generator pads the rows to a multiple of four with zero
 * weights and channels; padded outputs are not stored.
 */
#include "tfg_nn.h"
#include "tfg_gemm.h"

/* one group of four inputs against four rows */
#if !TFG_HAS_DSP
#define TFG_FC_GEMM_STEP(x, w, a0, a1, a2, a3) \
    do { \
        a0 = tfg_gemm_dot4(w, x, a0); \
        a1 = tfg_gemm_dot4((w) + 4, x, a1); \
        a2 = tfg_gemm_dot4((w) + 8, x, a2); \
        a3 = tfg_gemm_dot4((w) + 12, x, a3); \
        (w) += 16; \
        (x) += 2; \
    } while (0)
#else
#define TFG_FC_GEMM_STEP(x, w, a0, a1, a2, a3) \
    do { \
        int32_t xe_; \
        int32_t xo_; \
        int32_t we_; \
        int32_t wo_; \
        TFG_GEMM_LD2(x, xe_, xo_); \
        TFG_GEMM_LD2(w, we_, wo_); \
        a0 = tfg_gemm_smlad(we_, xe_, a0); \
        a0 = tfg_gemm_smlad(wo_, xo_, a0); \
        TFG_GEMM_LD2(w, we_, wo_); \
        a1 = tfg_gemm_smlad(we_, xe_, a1); \
        a1 = tfg_gemm_smlad(wo_, xo_, a1); \
        TFG_GEMM_LD2(w, we_, wo_); \
        a2 = tfg_gemm_smlad(we_, xe_, a2); \
        a2 = tfg_gemm_smlad(wo_, xo_, a2); \
        TFG_GEMM_LD2(w, we_, wo_); \
        a3 = tfg_gemm_smlad(we_, xe_, a3); \
        a3 = tfg_gemm_smlad(wo_, xo_, a3); \
    } while (0)
#endif

#if TFG_DSP_NATIVE
/* pairs of groups up to xend: per group one LDRD of inputs and two LDMs of the four rows' weights */
#define TFG_FC_GEMM_PAIRS(x, xend, w, a0, a1, a2, a3) \
    __asm__ volatile("1:\n\t" \
                     "ldrd ip, lr, [%[xp]], #8\n\t" \
                     "ldmia %[wp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c0], r8, ip, %[c0]\n\t" \
                     "smlad %[c0], r9, lr, %[c0]\n\t" \
                     "smlad %[c1], r10, ip, %[c1]\n\t" \
                     "smlad %[c1], r11, lr, %[c1]\n\t" \
                     "ldmia %[wp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c2], r8, ip, %[c2]\n\t" \
                     "smlad %[c2], r9, lr, %[c2]\n\t" \
                     "smlad %[c3], r10, ip, %[c3]\n\t" \
                     "smlad %[c3], r11, lr, %[c3]\n\t" \
                     "ldrd ip, lr, [%[xp]], #8\n\t" \
                     "ldmia %[wp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c0], r8, ip, %[c0]\n\t" \
                     "smlad %[c0], r9, lr, %[c0]\n\t" \
                     "smlad %[c1], r10, ip, %[c1]\n\t" \
                     "smlad %[c1], r11, lr, %[c1]\n\t" \
                     "ldmia %[wp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c2], r8, ip, %[c2]\n\t" \
                     "smlad %[c2], r9, lr, %[c2]\n\t" \
                     "smlad %[c3], r10, ip, %[c3]\n\t" \
                     "smlad %[c3], r11, lr, %[c3]\n\t" \
                     "cmp %[xp], %[xe]\n\t" \
                     "bne 1b" \
                     : [c0] "+r"(a0), [c1] "+r"(a1), [c2] "+r"(a2), [c3] "+r"(a3), [wp] "+r"(w), [xp] "+r"(x) \
                     : [xe] "r"(xend) \
                     : "r8", "r9", "r10", "r11", "ip", "lr", "cc", "memory")
#else
#define TFG_FC_GEMM_PAIRS(x, xend, w, a0, a1, a2, a3) \
    do { \
        while ((x) != (xend)) { \
            TFG_FC_GEMM_STEP(x, w, a0, a1, a2, a3); \
            TFG_FC_GEMM_STEP(x, w, a0, a1, a2, a3); \
        } \
    } while (0)
#endif

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
            const int32_t *xend = cols + 2 * groups;
            int32_t a0 = ch[0].bias;
            int32_t a1 = ch[1].bias;
            int32_t a2 = ch[2].bias;
            int32_t a3 = ch[3].bias;
            int32_t y[4];
            int32_t j;
            if ((groups & 1) != 0) {
                TFG_FC_GEMM_STEP(x, w, a0, a1, a2, a3);
            }
            if (x != xend) {
                TFG_FC_GEMM_PAIRS(x, xend, w, a0, a1, a2, a3);
            }
#if defined(__OPTIMIZE_SIZE__)
            /* compiled for size (a cold classifier): one requantization in a loop, not four inlined copies */
            y[0] = a0;
            y[1] = a1;
            y[2] = a2;
            y[3] = a3;
            for (j = 0; j < 4 && o + j < out_depth; ++j) {
                const int32_t v = tfg_gemm_requant(y[j], ch[j].multiplier, ch[j].round, ch[j].shift, ch[j].shift >> 8);
                out[o + j] = (int8_t)(fullrange ? tfg_gemm_sat8(v) : tfg_clamp(v + output_offset, act.min, act.max));
            }
#else
            y[0] = tfg_gemm_requant(a0, ch[0].multiplier, ch[0].round, ch[0].shift, ch[0].shift >> 8);
            y[1] = tfg_gemm_requant(a1, ch[1].multiplier, ch[1].round, ch[1].shift, ch[1].shift >> 8);
            y[2] = tfg_gemm_requant(a2, ch[2].multiplier, ch[2].round, ch[2].shift, ch[2].shift >> 8);
            y[3] = tfg_gemm_requant(a3, ch[3].multiplier, ch[3].round, ch[3].shift, ch[3].shift >> 8);
            for (j = 0; j < 4 && o + j < out_depth; ++j) {
                out[o + j] = (int8_t)(fullrange ? tfg_gemm_sat8(y[j])
                                                : tfg_clamp(y[j] + output_offset, act.min, act.max));
            }
#endif
            ch += 4;
        }
    }
    return TFG_OK;
}
