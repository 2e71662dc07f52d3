/*
 * tinyforge runtime: the GEMM micro-kernel shared by tfg_conv2d_gemm_s8 and tfg_conv1x1_gemm_inplace_s8: the
 * outputs of up to four pixels (one block of widened int16 columns, tfg_gemm.h) for every output channel. Per
 * group of four input channels and channel, one LDRD of packed weights feeds eight SMLADs against the four
 * pixels' LDRD-loaded columns (13 instructions per 16 multiply-accumulates); each channel's requantization
 * constants are loaded once for the four pixels (tfg_gemm_requant: SMMLAR, add, shift, SSAT per output).
 */
#include "tfg_nn.h"
#include "tfg_gemm.h"

/*
 * TFG_GEMM_BLOCK_GENERAL (tfg_config.h, codegen.KernelPaths): the four-lane path for blocks the common case does
 * not cover (three pixels, a narrower clamp, a zero point after the shift, a correction other than 31). 0 when
 * no call of the model has such a block; such a block then takes the lane-by-lane path (same outputs, slower).
 * Defaults to 1.
 */
#ifndef TFG_GEMM_BLOCK_GENERAL
#define TFG_GEMM_BLOCK_GENERAL 1
#endif

/* one group of four input channels against the block's four pixels */
#if !TFG_HAS_DSP
#define TFG_GEMM_BLOCK_STEP(w, x, a0, a1, a2, a3) \
    do { \
        a0 = tfg_gemm_dot4(w, x, a0); \
        a1 = tfg_gemm_dot4(w, (x) + 2, a1); \
        a2 = tfg_gemm_dot4(w, (x) + 4, a2); \
        a3 = tfg_gemm_dot4(w, (x) + 6, a3); \
        (w) += 4; \
        (x) += 8; \
    } while (0)
#else
#define TFG_GEMM_BLOCK_STEP(w, x, a0, a1, a2, a3) \
    do { \
        int32_t we_; \
        int32_t wo_; \
        int32_t xe_; \
        int32_t xo_; \
        TFG_GEMM_LD2(w, we_, wo_); \
        TFG_GEMM_LD2(x, xe_, xo_); \
        a0 = tfg_gemm_smlad(we_, xe_, a0); \
        a0 = tfg_gemm_smlad(wo_, xo_, a0); \
        TFG_GEMM_LD2(x, xe_, xo_); \
        a1 = tfg_gemm_smlad(we_, xe_, a1); \
        a1 = tfg_gemm_smlad(wo_, xo_, a1); \
        TFG_GEMM_LD2(x, xe_, xo_); \
        a2 = tfg_gemm_smlad(we_, xe_, a2); \
        a2 = tfg_gemm_smlad(wo_, xo_, a2); \
        TFG_GEMM_LD2(x, xe_, xo_); \
        a3 = tfg_gemm_smlad(we_, xe_, a3); \
        a3 = tfg_gemm_smlad(wo_, xo_, a3); \
    } while (0)
#endif

#if TFG_DSP_NATIVE
/*
 * Pairs of groups from x to xend (an even count): per group one LDRD of weights and two LDMs of the four lanes'
 * columns feed eight SMLADs (24 instructions per 32 multiply-accumulates with the loop test).
 */
#define TFG_GEMM_BLOCK_PAIRS(w, x, xend, a0, a1, a2, a3) \
    __asm__ volatile("1:\n\t" \
                     "ldrd ip, lr, [%[wp]], #8\n\t" \
                     "ldmia %[xp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c0], ip, r8, %[c0]\n\t" \
                     "smlad %[c0], lr, r9, %[c0]\n\t" \
                     "smlad %[c1], ip, r10, %[c1]\n\t" \
                     "smlad %[c1], lr, r11, %[c1]\n\t" \
                     "ldmia %[xp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c2], ip, r8, %[c2]\n\t" \
                     "smlad %[c2], lr, r9, %[c2]\n\t" \
                     "smlad %[c3], ip, r10, %[c3]\n\t" \
                     "smlad %[c3], lr, r11, %[c3]\n\t" \
                     "ldrd ip, lr, [%[wp]], #8\n\t" \
                     "ldmia %[xp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c0], ip, r8, %[c0]\n\t" \
                     "smlad %[c0], lr, r9, %[c0]\n\t" \
                     "smlad %[c1], ip, r10, %[c1]\n\t" \
                     "smlad %[c1], lr, r11, %[c1]\n\t" \
                     "ldmia %[xp]!, {r8, r9, r10, r11}\n\t" \
                     "smlad %[c2], ip, r8, %[c2]\n\t" \
                     "smlad %[c2], lr, r9, %[c2]\n\t" \
                     "smlad %[c3], ip, r10, %[c3]\n\t" \
                     "smlad %[c3], lr, r11, %[c3]\n\t" \
                     "cmp %[xp], %[xe]\n\t" \
                     "bne 1b" \
                     : [c0] "+r"(a0), [c1] "+r"(a1), [c2] "+r"(a2), [c3] "+r"(a3), [wp] "+r"(w), [xp] "+r"(x) \
                     : [xe] "r"(xend) \
                     : "r8", "r9", "r10", "r11", "ip", "lr", "cc", "memory")
#else
#define TFG_GEMM_BLOCK_PAIRS(w, x, xend, a0, a1, a2, a3) \
    do { \
        while ((x) != (xend)) { \
            TFG_GEMM_BLOCK_STEP(w, x, a0, a1, a2, a3); \
            TFG_GEMM_BLOCK_STEP(w, x, a0, a1, a2, a3); \
        } \
    } while (0)
#endif

#if TFG_DSP_NATIVE
/* the four pixels' bytes of one channel at o, o + s, o + 2s, o + 3s through one pointer (no spilled pointers) */
#define TFG_GEMM_STORE4(o, s, y0, y1, y2, y3) \
    do { \
        int8_t *t_; \
        __asm__ volatile("strb %[v0], [%[op]]\n\t" \
                         "strb %[v1], [%[op], %[sp]]\n\t" \
                         "add %[tp], %[op], %[sp], lsl #1\n\t" \
                         "strb %[v2], [%[tp]]\n\t" \
                         "strb %[v3], [%[tp], %[sp]]" \
                         : [tp] "=&r"(t_) \
                         : [op] "r"(o), [sp] "r"(s), [v0] "r"(y0), [v1] "r"(y1), [v2] "r"(y2), [v3] "r"(y3) \
                         : "memory"); \
    } while (0)
#else
#define TFG_GEMM_STORE4(o, s, y0, y1, y2, y3) \
    do { \
        (o)[0] = (int8_t)(y0); \
        (o)[s] = (int8_t)(y1); \
        (o)[2 * (s)] = (int8_t)(y2); \
        (o)[3 * (s)] = (int8_t)(y3); \
    } while (0)
#endif

#if TFG_DSP_NATIVE
/*
 * The common case of tfg_conv2d_gemm_block_s8 (four pixels, int8 saturation only, every correction a >>> 31) as
 * one hand-scheduled loop over the channels [ch, end): per channel the bias into the four accumulators, the
 * groups in pairs (an odd count enters the pair loop at its second half: the entry address is computed once),
 * the requantization (SMMLAR, SUB lsr #31, ASR, SSAT per output, one LDM of the channel's record) and four
 * byte stores stride bytes apart; 33 instructions per channel besides the groups' 12 each.
 */
void tfg_gemm_block4_c31(const int32_t *cols, int32_t groups, const int16_t *w, const tfg_gemm_channel *ch,
                         const tfg_gemm_channel *end, int8_t *out, int32_t stride);
#define TFG_GEMM_ASM_GROUP \
    "ldrd ip, lr, [r4], #8\n\t" \
    "ldmia r5!, {r8, r9, r10, r11}\n\t" \
    "smlad r0, ip, r8, r0\n\t" \
    "smlad r0, lr, r9, r0\n\t" \
    "smlad r1, ip, r10, r1\n\t" \
    "smlad r1, lr, r11, r1\n\t" \
    "ldmia r5!, {r8, r9, r10, r11}\n\t" \
    "smlad r2, ip, r8, r2\n\t" \
    "smlad r2, lr, r9, r2\n\t" \
    "smlad r3, ip, r10, r3\n\t" \
    "smlad r3, lr, r11, r3\n\t"
#define TFG_GEMM_ASM_RQ(A) \
    "smmlar r8, " A ", r9, r10\n\t" \
    "sub " A ", r8, " A ", lsr #31\n\t" \
    "asr " A ", " A ", r11\n\t" \
    "ssat " A ", #8, " A "\n\t"
__asm__(".syntax unified\n\t"
        ".section .text.tfg_gemm_block4_c31,\"ax\",%progbits\n\t"
        ".align 2\n\t"
        ".global tfg_gemm_block4_c31\n\t"
        ".hidden tfg_gemm_block4_c31\n\t"
        ".thumb\n\t"
        ".thumb_func\n\t"
        ".type tfg_gemm_block4_c31, %function\n"
        "tfg_gemm_block4_c31:\n\t"
        "push {r4-r11, lr}\n\t"
        "sub sp, sp, #8\n\t"             /* [sp] cols, [sp, #4] loop entry; [sp, #44] end, #48 out, #52 stride */
        "str r0, [sp]\n\t"
        "add r6, r0, r1, lsl #5\n\t"     /* end of the columns: 32 bytes per group */
        "mov r4, r2\n\t"
        "mov r7, r3\n\t"
        "adr r8, 1f\n\t"
        "tst r1, #1\n\t"
        "beq 4f\n\t"
        "adr r8, 2f\n\t"
        "4:\n\t"
        "orr r8, r8, #1\n\t"             /* Thumb state for the LDR PC below */
        "str r8, [sp, #4]\n\t"
        "3:\n\t"
        "ldr r0, [r7]\n\t"
        "ldr r5, [sp]\n\t"
        "mov r1, r0\n\t"
        "mov r2, r0\n\t"
        "mov r3, r0\n\t"
        "ldr pc, [sp, #4]\n\t"
        ".align 2\n"
        "1:\n\t"
        TFG_GEMM_ASM_GROUP
        ".align 2\n"
        "2:\n\t"
        TFG_GEMM_ASM_GROUP
        "cmp r5, r6\n\t"
        "bne 1b\n\t"
        "ldm r7!, {r8, r9, r10, r11}\n\t" /* bias, multiplier, round, shift */
        TFG_GEMM_ASM_RQ("r0") TFG_GEMM_ASM_RQ("r1") TFG_GEMM_ASM_RQ("r2") TFG_GEMM_ASM_RQ("r3")
        "ldrd ip, lr, [sp, #48]\n\t"
        "strb r1, [ip, lr]\n\t"
        "add r8, ip, lr, lsl #1\n\t"
        "strb r2, [r8]\n\t"
        "strb r3, [r8, lr]\n\t"
        "strb r0, [ip], #1\n\t"
        "str ip, [sp, #48]\n\t"
        "ldr r8, [sp, #44]\n\t"
        "cmp r7, r8\n\t"
        "bne 3b\n\t"
        "add sp, sp, #8\n\t"
        "pop {r4-r11, pc}\n\t"
        ".size tfg_gemm_block4_c31, .-tfg_gemm_block4_c31\n\t"
        ".text");
#undef TFG_GEMM_ASM_GROUP
#undef TFG_GEMM_ASM_RQ
#endif

/* the four accumulators of one channel: bias plus the groups, an odd one first, then pairs */
#define TFG_GEMM_BLOCK_DOT(w, cols, groups, ch, a0, a1, a2, a3) \
    do { \
        const int32_t *x_ = (cols); \
        const int32_t *xend_ = (cols) + 2 * TFG_GEMM_LANES * (groups); \
        a0 = (ch)->bias; \
        a1 = a0; \
        a2 = a0; \
        a3 = a0; \
        if (((groups) & 1) != 0) { \
            TFG_GEMM_BLOCK_STEP(w, x_, a0, a1, a2, a3); \
        } \
        if (x_ != xend_) { \
            TFG_GEMM_BLOCK_PAIRS(w, x_, xend_, a0, a1, a2, a3); \
        } \
    } while (0)

void tfg_conv2d_gemm_block_s8(const int32_t *cols, int32_t groups, const int16_t *filter,
                              const tfg_gemm_channel *channels, int32_t out_c, int8_t *out, int32_t n,
                              int32_t output_offset, tfg_activation act, int32_t c31)
{
    const int full = act.min <= -128 && act.max >= 127 && output_offset == 0;
    const int16_t *w = filter;
    const tfg_gemm_channel *ch = channels;
    const tfg_gemm_channel *end = channels + out_c;
    if (n == TFG_GEMM_LANES && full && c31) {
        /* the common case: four pixels, int8 saturation only, every correction a >>> 31 */
#if TFG_DSP_NATIVE
        if (ch != end) {
            tfg_gemm_block4_c31(cols, groups, w, ch, end, out, out_c);
        }
        return;
#else
        int8_t *o = out;
        const int32_t stride = out_c;
        for (; ch != end; ++ch) {
            int32_t a0;
            int32_t a1;
            int32_t a2;
            int32_t a3;
            TFG_GEMM_BLOCK_DOT(w, cols, groups, ch, a0, a1, a2, a3);
            {
                const int32_t m = ch->multiplier;
                const int32_t rd = ch->round;
                const int32_t sh = ch->shift;
                a0 = tfg_gemm_sat8(tfg_gemm_requant31(a0, m, rd, sh));
                a1 = tfg_gemm_sat8(tfg_gemm_requant31(a1, m, rd, sh));
                a2 = tfg_gemm_sat8(tfg_gemm_requant31(a2, m, rd, sh));
                a3 = tfg_gemm_sat8(tfg_gemm_requant31(a3, m, rd, sh));
                TFG_GEMM_STORE4(o, stride, a0, a1, a2, a3);
            }
            ++o;
        }
        return;
#endif
    }
    if (n <= 2 || !TFG_GEMM_BLOCK_GENERAL) {
        /* one or two pixels (the end of a layer): each lane's dot product alone, not the block's four */
        int8_t *o = out;
        for (; ch != end; ++ch) {
            const int32_t sh = ch->shift;
            int32_t lane;
            for (lane = 0; lane < n; ++lane) {
                const int16_t *wl = w;
                const int32_t *x = cols + 2 * lane;
                int32_t a = ch->bias;
                int32_t g = 0;
#if TFG_HAS_DSP
                for (; g + 2 <= groups; g += 2) {
                    int32_t w0;
                    int32_t w1;
                    int32_t w2;
                    int32_t w3;
                    int32_t x0;
                    int32_t x1;
                    int32_t x2;
                    int32_t x3;
                    TFG_GEMM_LD2(wl, w0, w1);
                    TFG_GEMM_LD2(wl, w2, w3);
                    TFG_GEMM_LD2(x, x0, x1);
                    x += 2 * TFG_GEMM_LANES - 2;
                    TFG_GEMM_LD2(x, x2, x3);
                    x += 2 * TFG_GEMM_LANES - 2;
                    a = tfg_gemm_smlad(w0, x0, a);
                    a = tfg_gemm_smlad(w1, x1, a);
                    a = tfg_gemm_smlad(w2, x2, a);
                    a = tfg_gemm_smlad(w3, x3, a);
                }
#endif
                for (; g < groups; ++g) {
#if TFG_HAS_DSP
                    int32_t we;
                    int32_t wo;
                    TFG_GEMM_LD2(wl, we, wo);
                    a = tfg_gemm_smlad(we, x[0], a);
                    a = tfg_gemm_smlad(wo, x[1], a);
#else
                    a = tfg_gemm_dot4(wl, x, a);
                    wl += 4;
#endif
                    x += 2 * TFG_GEMM_LANES;
                }
                a = tfg_gemm_requant(a, ch->multiplier, ch->round, sh, sh >> 8) + output_offset;
                o[lane * out_c] = (int8_t)tfg_clamp(a, act.min, act.max);
            }
            w += 4 * groups;
            ++o;
        }
        return;
    }
#if TFG_GEMM_BLOCK_GENERAL
    {
        /* partial blocks of three, a narrower clamp, or the zero point added after the shift */
        int8_t *o = out;
        for (; ch != end; ++ch) {
            int32_t a0;
            int32_t a1;
            int32_t a2;
            int32_t a3;
            const int32_t sh = ch->shift;
            TFG_GEMM_BLOCK_DOT(w, cols, groups, ch, a0, a1, a2, a3);
            a0 = tfg_gemm_requant(a0, ch->multiplier, ch->round, sh, sh >> 8) + output_offset;
            a1 = tfg_gemm_requant(a1, ch->multiplier, ch->round, sh, sh >> 8) + output_offset;
            a2 = tfg_gemm_requant(a2, ch->multiplier, ch->round, sh, sh >> 8) + output_offset;
            a3 = tfg_gemm_requant(a3, ch->multiplier, ch->round, sh, sh >> 8) + output_offset;
            o[0] = (int8_t)tfg_clamp(a0, act.min, act.max);
            if (n > 1) {
                o[out_c] = (int8_t)tfg_clamp(a1, act.min, act.max);
            }
            if (n > 2) {
                o[2 * out_c] = (int8_t)tfg_clamp(a2, act.min, act.max);
            }
            if (n > 3) {
                o[3 * out_c] = (int8_t)tfg_clamp(a3, act.min, act.max);
            }
            ++o;
        }
    }
#endif
}
