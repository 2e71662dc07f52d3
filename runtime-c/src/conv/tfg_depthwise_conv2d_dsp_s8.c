/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D with depth multiplier 1 for cores with the DSP extension,
 * bit-exact with tfg_depthwise_conv2d_s8 (TFLM reference). The generator re-orders the filter offline into
 * `packed` (tfg_nn.h): for each group of four channels and each tap, two words of int16 weights in the lanes
 * SXTB16 / SXTB16-ror-8 unpack a word of four input channels into, so a tap costs one LDRD of weights, one
 * load and two SXTAB16 of inputs (input_offset added) and four SMLABB/SMLATT; a whole 3x3 window is unrolled.
 * Taps in the padding are skipped, as in TFLM. Requantization constants are prepared by the generator
 * (`requant`). Other depth multipliers, targets without the DSP extension (or TFG_FORCE_REFERENCE) and a NULL
 * `packed` run tfg_depthwise_conv2d_s8.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"
#include "tfg_dsp.h"
#include "tfg_gemm.h"

/*
 * The fast algorithm runs with the DSP extension (Arm instructions, or their C emulation under
 * TFG_DSP_EMULATE) and, on cores without it (M0, M3), in plain C on the same generated data; only
 * TFG_FORCE_REFERENCE keeps the reference kernel.
 */
#if TFG_HAS_DSP || !defined(TFG_FORCE_REFERENCE)
#define TFG_DW_FAST 1
#else
#define TFG_DW_FAST 0
#endif

/*
 * Paths the generator may leave out (tfg_config.h, codegen.KernelPaths), so that --gc-sections drops them:
 * TFG_DW_FALLBACK 0 when every call of this kernel has a packed filter (the reference kernel is then not
 * linked; TFG_FORCE_REFERENCE builds still run it), TFG_DW_GENERIC 0 when every call has a 3x3 filter over a
 * multiple of four channels and no empty window (no per-tap path). A call that needs a path left out returns
 * TFG_ERROR. Both default to 1 (every path linked).
 */
#ifndef TFG_DW_FALLBACK
#define TFG_DW_FALLBACK 1
#endif
#ifndef TFG_DW_GENERIC
#define TFG_DW_GENERIC 1
#endif

#if TFG_DW_FAST

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

/* the constants of the output stage, copied out of the layer (stores through int8_t * alias everything) */
typedef struct {
    int32_t output_offset;
    int32_t act_min;
    int32_t act_max;
    int full;         /* the clamp range is all of int8 */
    int c31;          /* every channel's correction shift is 31 (the generator's flag after the table) */
    tfg_per_channel_quant quant;
} tfg_depthwise_conv2d_dsp_outs;

/* Per-layer constants of one call. */
typedef struct {
    int32_t ch;            /* channels (input = output) */
    int32_t taps;          /* filter_h * filter_w */
    int32_t k_w;           /* filter width */
    int32_t x_step;        /* input bytes between horizontal taps */
    int32_t row_step;      /* input bytes between vertical taps */
    int32_t off2;          /* input_offset in both halfwords */
    int32_t output_offset;
    int32_t act_min;
    int32_t act_max;
    const int32_t *bias;   /* the packed (scaled) bias */
    const int32_t *packed; /* re-ordered int16 weights */
    const int32_t *requant;
    tfg_per_channel_quant quant;
    int32_t zero_point;    /* -input_offset: the input value whose taps contribute nothing */
    int k3x3;              /* 3x3 filter: packed ends with the folded accumulator starts */
    const int8_t *zero_block; /* TFG_DW_CHUNK bytes of zero_point */
    tfg_depthwise_conv2d_dsp_outs o; /* the output stage */
} tfg_depthwise_conv2d_dsp_layer;

/*
 * Double rounding: tfg_gemm_requant with channel constants q = multiplier, rounding constant (output zero point
 * included), shift field (tfg_gemm.h), on the accumulator scaled by the generator; the zero point is in the
 * result. Under TFG_SINGLE_ROUNDING (nothing scaled): tfg_mbqm with the multiplier and shift of channel c, plus
 * the zero point.
 */
static inline int32_t tfg_depthwise_conv2d_dsp_rescale(int32_t acc, const int32_t *q, int32_t c,
                                                       const tfg_depthwise_conv2d_dsp_outs *o)
{
#if defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING
    (void)q;
    return tfg_mbqm(acc, o->quant.multiplier[c], o->quant.shift[c]) + o->output_offset;
#else
    (void)c;
    (void)o;
    return tfg_gemm_requant(acc, q[0], q[1], q[2], q[2] >> 8);
#endif
}

/* accumulator of channel c (constants at q) -> output byte */
static inline int8_t tfg_depthwise_conv2d_dsp_out(int32_t acc, const int32_t *q, int32_t c,
                                                  const tfg_depthwise_conv2d_dsp_outs *o)
{
    const int32_t v = tfg_depthwise_conv2d_dsp_rescale(acc, q, c, o);
#if TFG_DSP_NATIVE
    if (o->full) {
        return (int8_t)__ssat(v, 8);
    }
#endif
    return (int8_t)tfg_clamp(v, o->act_min, o->act_max);
}

/*
 * One tap of four channels: four input bytes at xp + xo (xo a register), weights at wp + wo bytes (wo a
 * constant). On Arm one asm block, so the compiler cannot hoist the loads of later taps into extra registers
 * and spill the accumulators. The block reads input and weights, which nothing writes during the call, so it
 * declares no memory operands.
 */
#if TFG_DSP_NATIVE
#define TFG_DW_TAP(XP, XO, WP, WO)                                                                  \
    do {                                                                                            \
        int32_t xv_;                                                                                \
        int32_t xd_;                                                                                \
        int32_t we_;                                                                                \
        int32_t wd_;                                                                                \
        __asm__("ldr %[xv], [%[x], %[xo]]\n\t"                                                      \
                "ldrd %[we], %[wd], [%[w], %[wo]]\n\t"                                              \
                "sxtab16 %[xd], %[off], %[xv], ror #8\n\t"                                          \
                "sxtab16 %[xv], %[off], %[xv]\n\t"                                                  \
                "smlabb %[a0], %[xv], %[we], %[a0]\n\t"                                             \
                "smlatt %[a2], %[xv], %[we], %[a2]\n\t"                                             \
                "smlabb %[a1], %[xd], %[wd], %[a1]\n\t"                                             \
                "smlatt %[a3], %[xd], %[wd], %[a3]"                                                 \
                : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [xv] "=&r"(xv_),      \
                  [xd] "=&r"(xd_), [we] "=&r"(we_), [wd] "=&r"(wd_)                                 \
                : [x] "r"(XP), [xo] "rI"(XO), [w] "r"(WP), [wo] "i"(WO), [off] "r"(off2));          \
    } while (0)
#elif TFG_HAS_DSP
#define TFG_DW_TAP(XP, XO, WP, WO)                                                                  \
    do {                                                                                            \
        const int32_t xv_ = tfg_ld32((XP) + (XO));                                                  \
        const int32_t we_ = (WP)[(WO) / 4];                                                         \
        const int32_t wd_ = (WP)[(WO) / 4 + 1];                                                     \
        const int32_t xe_ = tfg_sxtab16(off2, xv_);                                                 \
        const int32_t xd_ = tfg_sxtab16_ror8(off2, xv_);                                            \
        a0 = tfg_smlabb(xe_, we_, a0);                                                              \
        a2 = tfg_smlatt(xe_, we_, a2);                                                              \
        a1 = tfg_smlabb(xd_, wd_, a1);                                                              \
        a3 = tfg_smlatt(xd_, wd_, a3);                                                              \
    } while (0)
#else
#define TFG_DW_TAP(XP, XO, WP, WO)                                                                  \
    do {                                                                                            \
        const int8_t *xp_ = (XP) + (XO);                                                            \
        const int32_t we_ = (WP)[(WO) / 4];                                                         \
        const int32_t wd_ = (WP)[(WO) / 4 + 1];                                                     \
        const int32_t off_ = off2 >> 16;                                                            \
        a0 += ((int32_t)xp_[0] + off_) * (int32_t)(int16_t)(uint16_t)((uint32_t)we_ & 0xFFFFu);     \
        a2 += ((int32_t)xp_[2] + off_) * (we_ >> 16);                                               \
        a1 += ((int32_t)xp_[1] + off_) * (int32_t)(int16_t)(uint16_t)((uint32_t)wd_ & 0xFFFFu);     \
        a3 += ((int32_t)xp_[3] + off_) * (wd_ >> 16);                                               \
    } while (0)
#endif

#if TFG_DSP_NATIVE && !(defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING)
/*
 * Requantizes pixels x groups * 4 accumulators (q: channel 0's constants, again for every pixel) whose channels
 * all have the correction shift 31 and clamp to all of int8: six instructions per value (one LDM of the channel's
 * constants, SMMLAR, SUB lsr #31, ASR, SSAT, STRB), four per loop.
 */
void tfg_depthwise_conv2d_dsp_requant4(const int32_t *acc, const int32_t *q, int8_t *out, int32_t groups,
                                       int32_t pixels);
#define TFG_DW_ASM_RQ(A) \
    "ldm r1!, {r8, r9, r10, r11}\n\t" \
    "smmlar r11, " A ", r8, r9\n\t" \
    "sub " A ", r11, " A ", lsr #31\n\t" \
    "asr " A ", " A ", r10\n\t" \
    "ssat " A ", #8, " A "\n\t" \
    "strb " A ", [r2], #1\n\t"
__asm__(".syntax unified\n\t"
        ".section .text.tfg_depthwise_conv2d_dsp_requant4,\"ax\",%progbits\n\t"
        ".align 2\n\t"
        ".global tfg_depthwise_conv2d_dsp_requant4\n\t"
        ".hidden tfg_depthwise_conv2d_dsp_requant4\n\t"
        ".thumb\n\t"
        ".thumb_func\n\t"
        ".type tfg_depthwise_conv2d_dsp_requant4, %function\n"
        "tfg_depthwise_conv2d_dsp_requant4:\n\t"
        "push {r4-r11, lr}\n\t"         /* [sp, #36] pixels left */
        "mov r12, r1\n\t"              /* q of channel 0 */
        "2:\n\t"
        "mov r1, r12\n\t"
        "mov lr, r3\n\t"
        "1:\n\t"
        "ldm r0!, {r4-r7}\n\t"
        TFG_DW_ASM_RQ("r4") TFG_DW_ASM_RQ("r5") TFG_DW_ASM_RQ("r6") TFG_DW_ASM_RQ("r7")
        "subs lr, lr, #1\n\t"
        "bne 1b\n\t"
        "ldr r8, [sp, #36]\n\t"
        "subs r8, r8, #1\n\t"
        "str r8, [sp, #36]\n\t"
        "bne 2b\n\t"
        "pop {r4-r11, pc}\n\t"
        ".size tfg_depthwise_conv2d_dsp_requant4, .-tfg_depthwise_conv2d_dsp_requant4\n\t"
        ".text");
#undef TFG_DW_ASM_RQ
#endif

/*
 * Requantizes n accumulators of channels c0.. (constants from q, which points at channel c0's) into out[0..n).
 * Out of line, after the taps, so that neither loop spills the other's registers.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void tfg_depthwise_conv2d_dsp_outs_n(const int32_t *acc, int32_t n, const int32_t *q, int32_t c0,
                                            const tfg_depthwise_conv2d_dsp_outs *o, int8_t *out)
{
    int32_t i;
#if TFG_DSP_NATIVE && !(defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING)
    if (o->full && o->c31 && n > 0 && (n & 3) == 0) {
        tfg_depthwise_conv2d_dsp_requant4(acc, q, out, n / 4, 1);
        (void)c0;
        return;
    }
#endif
    for (i = 0; i < n; ++i) {
        out[i] = tfg_depthwise_conv2d_dsp_out(acc[i], q, c0 + i, o);
        q += 4;
    }
}

/*
 * Whole 3x3 windows, four channels per group: acc[4g..4g+3] = start[4g..4g+3] + the nine taps of group g
 * (g < groups), inputs without offset (the generator folded input_offset * the weight sum into the accumulators' start, see
 * tfg_nn.h). x: channel 0 of the first tap; xs: bytes between columns; rs: bytes between rows; w: the
 * group's 18 packed words, groups consecutive. Repeated for `pixels` pixels px_step input bytes apart, the
 * accumulators of each following the previous one's. On Arm a hand-scheduled loop (eight instructions per tap, every
 * register in use); elsewhere the same in C.
 */
#if TFG_DSP_NATIVE
void tfg_depthwise_conv2d_dsp_taps3x3(int32_t *acc, const int8_t *x, const int32_t *w, int32_t groups,
                                      int32_t xs, int32_t rs, const int32_t *start, int32_t pixels,
                                      int32_t px_step);
#define TFG_DW_ASM_TAP(XOFF) \
    "ldr r8, [r1" XOFF "]\n\t" \
    "ldrd r10, r11, [r2], #8\n\t" \
    "sxtb16 r9, r8, ror #8\n\t" \
    "sxtb16 r8, r8\n\t" \
    "smlabb r4, r8, r10, r4\n\t" \
    "smlatt r6, r8, r10, r6\n\t" \
    "smlabb r5, r9, r11, r5\n\t" \
    "smlatt r7, r9, r11, r7\n\t"
#define TFG_DW_ASM_ROW TFG_DW_ASM_TAP("") TFG_DW_ASM_TAP(", r12") TFG_DW_ASM_TAP(", r12, lsl #1")
__asm__(".syntax unified\n\t"
        ".section .text.tfg_depthwise_conv2d_dsp_taps3x3,\"ax\",%progbits\n\t"
        ".align 2\n\t"
        ".global tfg_depthwise_conv2d_dsp_taps3x3\n\t"
        ".hidden tfg_depthwise_conv2d_dsp_taps3x3\n\t"
        ".thumb\n\t"
        ".thumb_func\n\t"
        ".type tfg_depthwise_conv2d_dsp_taps3x3, %function\n"
        "tfg_depthwise_conv2d_dsp_taps3x3:\n\t"
        "push {r1, r4-r11, lr}\n\t"      /* [sp] = x of the current group */
        "sub sp, sp, #16\n\t"            /* [sp] x of the pixel, [sp, #4] w, [sp, #8] groups, [sp, #12] start */
        "str r1, [sp]\n\t"
        "strd r2, r3, [sp, #4]\n\t"
        "ldr r8, [sp, #64]\n\t"
        "str r8, [sp, #12]\n\t"
        "ldr r12, [sp, #56]\n\t"         /* xs */
        "ldr lr, [sp, #60]\n\t"          /* rs; [sp, #64] = start of the current group */
        "2:\n\t"
        "ldr r1, [sp]\n\t"
        "str r1, [sp, #16]\n\t"
        "ldrd r2, r3, [sp, #4]\n\t"
        "ldr r8, [sp, #12]\n\t"
        "str r8, [sp, #64]\n\t"
        "1:\n\t"
        "ldr r1, [sp, #16]\n\t"
        "adds r8, r1, #4\n\t"
        "str r8, [sp, #16]\n\t"
        "ldr r8, [sp, #64]\n\t"
        "ldm r8!, {r4-r7}\n\t"
        "str r8, [sp, #64]\n\t"
        TFG_DW_ASM_ROW
        "add r1, r1, lr\n\t"
        TFG_DW_ASM_ROW
        "add r1, r1, lr\n\t"
        TFG_DW_ASM_ROW
        "stm r0!, {r4-r7}\n\t"
        "subs r3, r3, #1\n\t"
        "bne 1b\n\t"
        "ldr r1, [sp]\n\t"               /* next pixel */
        "ldr r8, [sp, #72]\n\t"
        "add r1, r1, r8\n\t"
        "str r1, [sp]\n\t"
        "ldr r8, [sp, #68]\n\t"
        "subs r8, r8, #1\n\t"
        "str r8, [sp, #68]\n\t"
        "bne 2b\n\t"
        "add sp, sp, #16\n\t"
        "pop {r1, r4-r11, pc}\n\t"
        ".size tfg_depthwise_conv2d_dsp_taps3x3, .-tfg_depthwise_conv2d_dsp_taps3x3\n\t"
        ".text");
#undef TFG_DW_ASM_ROW
#undef TFG_DW_ASM_TAP

/* as tfg_depthwise_conv2d_dsp_taps3x3, tap k of group g read at taps[k] + 4g (nine taps, any addresses) */
void tfg_depthwise_conv2d_dsp_taps3x3_at(int32_t *acc, const int8_t *const *taps, const int32_t *w, int32_t groups,
                                         const int32_t *start);
#define TFG_DW_ASM_TAP_AT(K) \
    "ldr r8, [r1, #" K "]\n\t" \
    "ldr r8, [r8, r12]\n\t" \
    "ldrd r10, r11, [r2], #8\n\t" \
    "sxtb16 r9, r8, ror #8\n\t" \
    "sxtb16 r8, r8\n\t" \
    "smlabb r4, r8, r10, r4\n\t" \
    "smlatt r6, r8, r10, r6\n\t" \
    "smlabb r5, r9, r11, r5\n\t" \
    "smlatt r7, r9, r11, r7\n\t"
__asm__(".syntax unified\n\t"
        ".section .text.tfg_depthwise_conv2d_dsp_taps3x3_at,\"ax\",%progbits\n\t"
        ".align 2\n\t"
        ".global tfg_depthwise_conv2d_dsp_taps3x3_at\n\t"
        ".hidden tfg_depthwise_conv2d_dsp_taps3x3_at\n\t"
        ".thumb\n\t"
        ".thumb_func\n\t"
        ".type tfg_depthwise_conv2d_dsp_taps3x3_at, %function\n"
        "tfg_depthwise_conv2d_dsp_taps3x3_at:\n\t"
        "push {r4-r11, lr}\n\t"
        "ldr lr, [sp, #36]\n\t"          /* start */
        "movs r12, #0\n\t"               /* byte offset of the group */
        "1:\n\t"
        "ldm lr!, {r4-r7}\n\t"
        TFG_DW_ASM_TAP_AT("0") TFG_DW_ASM_TAP_AT("4") TFG_DW_ASM_TAP_AT("8")
        TFG_DW_ASM_TAP_AT("12") TFG_DW_ASM_TAP_AT("16") TFG_DW_ASM_TAP_AT("20")
        TFG_DW_ASM_TAP_AT("24") TFG_DW_ASM_TAP_AT("28") TFG_DW_ASM_TAP_AT("32")
        "stm r0!, {r4-r7}\n\t"
        "adds r12, r12, #4\n\t"
        "subs r3, r3, #1\n\t"
        "bne 1b\n\t"
        "pop {r4-r11, pc}\n\t"
        ".size tfg_depthwise_conv2d_dsp_taps3x3_at, .-tfg_depthwise_conv2d_dsp_taps3x3_at\n\t"
        ".text");
#undef TFG_DW_ASM_TAP_AT
#else
/* one tap of four channels without input offset (folded into the accumulator start) */
#if TFG_HAS_DSP
#define TFG_DW_TAP0(XP, W)                                                                          \
    do {                                                                                            \
        const int32_t xv_ = tfg_ld32(XP);                                                           \
        const int32_t xe_ = tfg_sxtb16(xv_);                                                        \
        const int32_t xd_ = tfg_sxtb16_ror8(xv_);                                                   \
        a0 = tfg_smlabb(xe_, (W)[0], a0);                                                           \
        a2 = tfg_smlatt(xe_, (W)[0], a2);                                                           \
        a1 = tfg_smlabb(xd_, (W)[1], a1);                                                           \
        a3 = tfg_smlatt(xd_, (W)[1], a3);                                                           \
    } while (0)
#else
#define TFG_DW_TAP0(XP, W)                                                                          \
    do {                                                                                            \
        const int8_t *xp_ = (XP);                                                                   \
        const int32_t we_ = (W)[0];                                                                 \
        const int32_t wd_ = (W)[1];                                                                 \
        a0 += (int32_t)xp_[0] * (int32_t)(int16_t)(uint16_t)((uint32_t)we_ & 0xFFFFu);             \
        a2 += (int32_t)xp_[2] * (we_ >> 16);                                                        \
        a1 += (int32_t)xp_[1] * (int32_t)(int16_t)(uint16_t)((uint32_t)wd_ & 0xFFFFu);             \
        a3 += (int32_t)xp_[3] * (wd_ >> 16);                                                        \
    } while (0)
#endif
static void tfg_depthwise_conv2d_dsp_taps3x3(int32_t *acc, const int8_t *x_pixel, const int32_t *w_group,
                                             int32_t groups, int32_t xs, int32_t rs, const int32_t *start_group,
                                             int32_t pixels, int32_t px_step)
{
    int32_t p;
    for (p = 0; p < pixels; ++p) {
    const int8_t *x = x_pixel + p * px_step;
    const int32_t *w = w_group;
    const int32_t *start = start_group;
    int32_t g;
    for (g = 0; g < groups; ++g) {
        int32_t a0 = start[0];
        int32_t a1 = start[1];
        int32_t a2 = start[2];
        int32_t a3 = start[3];
        int32_t t;
        for (t = 0; t < 9; ++t) {
            TFG_DW_TAP0(x + (t / 3) * rs + (t % 3) * xs, w);
            w += 2;
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc += 4;
        start += 4;
        x += 4;
    }
    }
}

static void tfg_depthwise_conv2d_dsp_taps3x3_at(int32_t *acc, const int8_t *const *taps, const int32_t *w,
                                                int32_t groups, const int32_t *start)
{
    int32_t g;
    for (g = 0; g < groups; ++g) {
        int32_t a0 = start[0];
        int32_t a1 = start[1];
        int32_t a2 = start[2];
        int32_t a3 = start[3];
        int32_t t;
        for (t = 0; t < 9; ++t) {
            TFG_DW_TAP0(taps[t] + 4 * g, w);
            w += 2;
        }
        acc[0] = a0;
        acc[1] = a1;
        acc[2] = a2;
        acc[3] = a3;
        acc += 4;
        start += 4;
    }
}
#endif

/* channels per block of tfg_depthwise_conv2d_dsp_window3x3 (its accumulators and padded window) */
#define TFG_DW_CHUNK 64

/*
 * A 3x3 window of one output pixel (k_w == k_h == 3, whole or cut by the padding): per block of channels the
 * folded accumulator start, the taps (taps in the padding read a block of the input zero point and so
 * contribute (zp + input_offset) * w = 0, as TFLM's skipped taps), then the requantization. Whole groups of four channels only; returns how many channels it wrote.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int32_t tfg_depthwise_conv2d_dsp_window3x3(const tfg_depthwise_conv2d_dsp_layer *l, const int8_t *x_tap0,
                                                  int32_t ky0, int32_t ky1, int32_t kx0, int32_t kx1,
                                                  const tfg_depthwise_conv2d_dsp_outs *o, int8_t *out)
{
    const int32_t ch4 = l->ch & ~3;
    const int32_t *folded = l->packed + 2 * l->taps * ((l->ch + 3) / 4);
    const int whole = ky0 == 0 && ky1 == 3 && kx0 == 0 && kx1 == 3;
    int32_t acc[TFG_DW_CHUNK];
    int32_t c0;
    for (c0 = 0; c0 < ch4; c0 += TFG_DW_CHUNK) {
        const int32_t n = ch4 - c0 < TFG_DW_CHUNK ? ch4 - c0 : TFG_DW_CHUNK;
        if (whole) {
            tfg_depthwise_conv2d_dsp_taps3x3(acc, x_tap0 + c0, l->packed + 18 * (c0 / 4), n / 4, l->x_step,
                                             l->row_step, folded + c0, 1, 0);
        } else {
            /* taps in the padding read the zero-point block instead */
            const int8_t *taps[9];
            int32_t ky;
            for (ky = 0; ky < 3; ++ky) {
                int32_t kx;
                for (kx = 0; kx < 3; ++kx) {
                    taps[ky * 3 + kx] = (ky >= ky0 && ky < ky1 && kx >= kx0 && kx < kx1)
                        ? x_tap0 + (ky - ky0) * l->row_step + (kx - kx0) * l->x_step + c0
                        : l->zero_block;
                }
            }
            tfg_depthwise_conv2d_dsp_taps3x3_at(acc, taps, l->packed + 18 * (c0 / 4), n / 4, folded + c0);
        }
        tfg_depthwise_conv2d_dsp_outs_n(acc, n, l->requant + 4 * c0, c0, o, out + c0);
    }
    return ch4;
}

/*
 * n_px <= TFG_DW_CHUNK / ch horizontally adjacent output pixels with whole 3x3 windows (ch % 4 == 0): one
 * call for all their taps, one for their requantization. x_first: the first pixel's first tap; px_step: input
 * bytes between their windows.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void tfg_depthwise_conv2d_dsp_run3x3(const tfg_depthwise_conv2d_dsp_layer *l, const int8_t *x_first,
                                            int32_t n_px, int32_t px_step, int8_t *out)
{
    const int32_t ch = l->ch;
    int32_t acc[TFG_DW_CHUNK];
    int32_t p;
    tfg_depthwise_conv2d_dsp_taps3x3(acc, x_first, l->packed, ch / 4, l->x_step, l->row_step,
                                     l->packed + 18 * (ch / 4), n_px, px_step);
#if TFG_DSP_NATIVE && !(defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING)
    if (l->o.full && l->o.c31) {
        tfg_depthwise_conv2d_dsp_requant4(acc, l->requant, out, ch / 4, n_px);
        return;
    }
#endif
    for (p = 0; p < n_px; ++p) {
        tfg_depthwise_conv2d_dsp_outs_n(acc + p * ch, ch, l->requant, 0, &l->o, out + p * ch);
    }
}

/*
 * One output pixel whose valid taps are rows [ky0, ky1) x columns [kx0, kx1) of the filter; x_first = its
 * first valid tap (channel 0); writes its ch bytes to out. 3x3 filters go through
 * tfg_depthwise_conv2d_dsp_window3x3; other shapes, and the last ch % 4 channels, accumulate here with
 * input_offset added to every valid tap. Kept out of line so that its registers hold the accumulators, not
 * the callers' loop state.
 */
#if TFG_DW_GENERIC
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void tfg_depthwise_conv2d_dsp_pixel(const tfg_depthwise_conv2d_dsp_layer *l, const int8_t *x_first,
                                           int32_t ky0, int32_t ky1, int32_t kx0, int32_t kx1, int8_t *out)
{
    const int32_t ch = l->ch;
    const int32_t off2 = l->off2;
    const int32_t x_step = l->x_step;
    const int32_t row_step = l->row_step;
    const int32_t rows = ky1 - ky0;
    const int32_t cols = kx1 - kx0;
    const int32_t w_skip = 2 * (l->k_w - cols);
    const int32_t w_group_step = 2 * l->taps;
    const int32_t *bias = l->bias;
    const int32_t *q = l->requant;
    const int32_t *w_group;
    const tfg_depthwise_conv2d_dsp_outs *o = &l->o;
    int32_t acc[TFG_DW_CHUNK];
    int32_t c = 0;
    if (l->k3x3 && rows > 0 && cols > 0) {
        c = tfg_depthwise_conv2d_dsp_window3x3(l, x_first, ky0, ky1, kx0, kx1, o, out);
    }
    w_group = l->packed + 2 * (ky0 * l->k_w + kx0) + (c / 4) * w_group_step;
    for (; c + 4 <= ch; c += 4) {
        const int8_t *x = x_first + c;
        const int32_t *w = w_group;
        int32_t a0 = bias[c];
        int32_t a1 = bias[c + 1];
        int32_t a2 = bias[c + 2];
        int32_t a3 = bias[c + 3];
        int32_t r;
        for (r = 0; r < rows; ++r) {
            const int8_t *xc = x;
            int32_t k;
            for (k = 0; k < cols; ++k) {
                TFG_DW_TAP(xc, 0, w, 0);
                xc += x_step;
                w += 2;
            }
            w += w_skip;
            x += row_step;
        }
        acc[c & (TFG_DW_CHUNK - 1)] = a0;
        acc[(c & (TFG_DW_CHUNK - 1)) + 1] = a1;
        acc[(c & (TFG_DW_CHUNK - 1)) + 2] = a2;
        acc[(c & (TFG_DW_CHUNK - 1)) + 3] = a3;
        w_group += w_group_step;
        if (((c + 4) & (TFG_DW_CHUNK - 1)) == 0 || c + 8 > ch) {
            /* a full block, or the last whole group: requantize the buffered channels */
            const int32_t c0 = c & ~(TFG_DW_CHUNK - 1);
            tfg_depthwise_conv2d_dsp_outs_n(acc, c + 4 - c0, q + 4 * c0, c0, o, out + c0);
        }
    }
    /* the last ch % 4 channels: channel c + j has weight lane j & 1 (word) and j >> 1 (halfword) */
    for (; c < ch; ++c) {
        const int32_t j = c & 3;
        const int8_t *x_row = x_first + c;
        const int32_t *w = w_group + (j & 1);
        int32_t sum = bias[c];
        int32_t r;
        for (r = 0; r < rows; ++r) {
            int32_t k;
            for (k = 0; k < cols; ++k) {
                const int32_t wv = (int32_t)(int16_t)(uint16_t)((uint32_t)*w >> (16 * (j >> 1)));
                sum += wv * ((int32_t)x_row[k * x_step] + (off2 >> 16));
                w += 2;
            }
            w += w_skip;
            x_row += row_step;
        }
        out[c] = tfg_depthwise_conv2d_dsp_out(sum, q + 4 * c, c, o);
    }
}
#endif /* TFG_DW_GENERIC */

#undef TFG_DW_TAP

#endif /* TFG_DW_FAST */

tfg_status tfg_depthwise_conv2d_dsp_s8(const int8_t *input, tfg_dims input_dims,
                                       const int8_t *filter, tfg_dims filter_dims,
                                       const int32_t *bias,
                                       int8_t *output, tfg_dims output_dims,
                                       int32_t depth_multiplier,
                                       int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                       int32_t pad_h, int32_t pad_w,
                                       int32_t input_offset, int32_t output_offset,
                                       tfg_per_channel_quant quant, tfg_activation act,
                                       const int32_t *packed, const int32_t *requant)
{
#if TFG_DW_FAST
    if (packed != NULL && requant != NULL && depth_multiplier == 1 && filter_dims.c == input_dims.c
        && output_dims.c == input_dims.c && input_dims.n == output_dims.n && stride_h >= 1 && stride_w >= 1
        && dilation_h >= 1 && dilation_w >= 1) {
        const int32_t in_h = input_dims.h;
        const int32_t in_w = input_dims.w;
        const int32_t ch = input_dims.c;
        const int32_t k_w = filter_dims.w;
        tfg_depthwise_conv2d_dsp_layer l;
        int8_t zero_block[TFG_DW_CHUNK];
        int8_t *out = output;
        int32_t batch;
        int32_t b;
        l.ch = ch;
        l.taps = filter_dims.h * k_w;
        l.k_w = k_w;
        l.x_step = dilation_w * ch;
        l.row_step = dilation_h * in_w * ch;
        l.off2 = (int32_t)(((uint32_t)input_offset & 0xFFFFu) * 0x00010001u);
        l.output_offset = output_offset;
        l.act_min = act.min;
        l.act_max = act.max;
        l.bias = packed + 2 * l.taps * ((ch + 3) / 4) + ch;
        l.packed = packed;
        l.requant = requant;
        l.quant = quant;
        l.zero_point = -input_offset;
        l.k3x3 = filter_dims.h == 3 && k_w == 3;
        {
            const uint32_t zp4 = (uint32_t)(uint8_t)l.zero_point * 0x01010101u;
            for (b = 0; b < TFG_DW_CHUNK; b += 4) {
                memcpy(zero_block + b, &zp4, 4);
            }
        }
        l.zero_block = zero_block;
        l.o.output_offset = output_offset;
        l.o.act_min = act.min;
        l.o.act_max = act.max;
        l.o.full = act.min == -128 && act.max == 127;
#if defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING
        l.o.c31 = 0;
#else
        l.o.c31 = requant[4 * ch] == 1;
#endif
        l.o.quant = quant;
        /* pixels per call of tfg_depthwise_conv2d_dsp_run3x3 (0: that path is off) */
        batch = (l.k3x3 && (ch & 3) == 0 && ch <= TFG_DW_CHUNK) ? TFG_DW_CHUNK / ch : 0;
        for (b = 0; b < input_dims.n; ++b) {
            const int8_t *in_batch = input + (size_t)b * in_h * in_w * ch;
            int32_t oy;
            for (oy = 0; oy < output_dims.h; ++oy) {
                const int32_t iy0 = oy * stride_h - pad_h;
                int32_t ky0;
                int32_t ky1;
                int32_t ox;
                tfg_depthwise_conv2d_dsp_window(iy0, dilation_h, filter_dims.h, in_h, &ky0, &ky1);
                for (ox = 0; ox < output_dims.w; ++ox) {
                    const int32_t ix0 = ox * stride_w - pad_w;
                    int32_t kx0;
                    int32_t kx1;
                    tfg_depthwise_conv2d_dsp_window(ix0, dilation_w, k_w, in_w, &kx0, &kx1);
                    const int8_t *x_first
                        = in_batch + ((size_t)(iy0 + dilation_h * ky0) * in_w + (ix0 + dilation_w * kx0)) * ch;
                    if (batch > 1 && ky1 - ky0 == 3 && kx0 == 0 && kx1 == 3) {
                        /* a run of whole windows: as many pixels as the accumulator block holds */
                        int32_t n_px = 1;
                        while (n_px < batch && ox + n_px < output_dims.w
                               && (ox + n_px) * stride_w - pad_w + 2 * dilation_w < in_w) {
                            ++n_px;
                        }
                        tfg_depthwise_conv2d_dsp_run3x3(&l, x_first, n_px, stride_w * ch, out);
                        out += (size_t)n_px * ch;
                        ox += n_px - 1;
                        continue;
                    }
                    if (l.k3x3 && (ch & 3) == 0 && ky1 > ky0 && kx1 > kx0) {
                        (void)tfg_depthwise_conv2d_dsp_window3x3(&l, x_first, ky0, ky1, kx0, kx1, &l.o, out);
                    } else {
#if TFG_DW_GENERIC
                        tfg_depthwise_conv2d_dsp_pixel(&l, x_first, ky0, ky1, kx0, kx1, out);
#else
                        return TFG_ERROR;
#endif
                    }
                    out += ch;
                }
            }
        }
        return TFG_OK;
    }
#else
    (void)packed;
    (void)requant;
#endif
#if TFG_DW_FAST && !TFG_DW_FALLBACK
    (void)filter;
    (void)bias; /* read only by the reference or, in some layouts, the per-tap path */
    return TFG_ERROR;
#else
    return tfg_depthwise_conv2d_s8(input, input_dims, filter, filter_dims, bias, output, output_dims,
                                   depth_multiplier, stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w,
                                   input_offset, output_offset, quant, act);
#endif
}
