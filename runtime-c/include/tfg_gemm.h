/*
 * tinyforge runtime: the primitives of the GEMM kernels (tfg_conv2d_gemm_s8, tfg_conv1x1_gemm_inplace_s8,
 * tfg_fully_connected_gemm_s8) and their shared requantization. On cores with the DSP extension (TFG_HAS_DSP,
 * see tfg_dsp.h) they are single instructions (LDRD, SMLAD, SXTAB16, SMMLAR, SSAT); elsewhere (M0/M3, host,
 * TFG_FORCE_REFERENCE) the same operations in portable C, so every build runs one algorithm and gives the same
 * bytes.
 *
 * Operands. Filters are packed by the generator as int16 (each weight times 2), four input channels per group
 * in the order (k0, k2, k1, k3): the order in which SXTAB16 and SXTAB16-ror-8 widen a word of four int8
 * inputs, so that one SMLAD pairs each widened input word with its weight word. Inputs are widened once per
 * pixel into int16 (x + input_offset) "columns" in arena scratch. Groups past the channel count hold zero
 * weights.
 *
 * Requantization (tfg_gemm_requant). The generator scales each channel's weights and bias by 2^(1 + left)
 * (left = max(shift, 0)), so the accumulator is a = acc * 2^(1 + left); it checks |a| < 2^30 for every input.
 * With r = max(-shift, 0), TFLM's RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(acc * 2^left, m), r) + zp
 * equals (SMMLAR(a, m, round) - (a >>> c)) >> r, with round = 2^(r-1) + zp * 2^r and c = 31 when r >= 1,
 * round = zp and c = 32 (a >>> 32 = 0 on Arm) when r = 0: SMMLAR gives round + floor((a * m + 2^31) / 2^32) =
 * round + floor((acc * 2^left * m + 2^30) / 2^31), which is gemmlowp's nudged truncating division for either
 * sign; the rounding shift is half up for a non-negative h and half away from zero for a negative one, i.e.
 * floor((h + 2^(r-1) - [h < 0]) / 2^r), and [a < 0] (= a >>> 31) may replace [h < 0] (they differ only when
 * h = 0, which rounds to 0 either way); adding zp * 2^r before the shift adds zp after it. The channel's shift
 * field holds r + 256 * c (an Arm register shift uses the low byte only).
 */
#ifndef TFG_GEMM_H
#define TFG_GEMM_H

#include <stdint.h>
#include <string.h>
#include "tfg_types.h"
#include "tfg_dsp.h"

/** Input pixels per GEMM block: each packed weight word is loaded once for four pixels. */
#define TFG_GEMM_LANES 4

#if TFG_DSP_NATIVE
/** Two consecutive words from p (word aligned; int16 or int32 pointer) into a, b; p advances by 8 bytes. */
#define TFG_GEMM_LD2(p, a, b) \
    __asm__("ldrd %0, %1, [%2], #8" : "=r"(a), "=r"(b), "+r"(p) : "m"(*(const int32_t(*)[2])(const void *)(p)))

/** (round * 2^32 + a * m + 2^31) >> 32 (one SMMLAR). */
static inline int32_t tfg_gemm_smmlar(int32_t a, int32_t m, int32_t round)
{
    int32_t r;
    __asm__("smmlar %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(m), "r"(round));
    return r;
}

/** a >>> c for c in [0, 32] (one LSR; 0 when c = 32). */
static inline int32_t tfg_gemm_lsr(int32_t a, int32_t c)
{
    int32_t r;
    __asm__("lsr %0, %1, %2" : "=r"(r) : "r"(a), "r"(c));
    return r;
}

/** a >> (s & 255), arithmetic (one ASR: a register shift uses the low byte). */
static inline int32_t tfg_gemm_asr(int32_t a, int32_t s)
{
    int32_t r;
    __asm__("asr %0, %1, %2" : "=r"(r) : "r"(a), "r"(s));
    return r;
}

/** v saturated to [-128, 127] (one SSAT). */
static inline int32_t tfg_gemm_sat8(int32_t v)
{
    int32_t r;
    __asm__("ssat %0, #8, %1" : "=r"(r) : "r"(v));
    return r;
}
#else
#define TFG_GEMM_LD2(p, a, b) \
    do { \
        memcpy(&(a), (const void *)(p), 4); \
        memcpy(&(b), (const char *)(const void *)(p) + 4, 4); \
        (p) += 8 / sizeof(*(p)); \
    } while (0)

static inline int32_t tfg_gemm_smmlar(int32_t a, int32_t m, int32_t round)
{
    return round + (int32_t)(((int64_t)a * m + ((int64_t)1 << 31)) >> 32);
}

static inline int32_t tfg_gemm_lsr(int32_t a, int32_t c)
{
    return c >= 32 ? 0 : (int32_t)((uint32_t)a >> c);
}

static inline int32_t tfg_gemm_asr(int32_t a, int32_t s)
{
    return a >> (s & 255);
}

static inline int32_t tfg_gemm_sat8(int32_t v)
{
    return v < -128 ? -128 : (v > 127 ? 127 : v);
}
#endif

#if TFG_HAS_DSP
#define tfg_gemm_smlad(a, b, c) tfg_smlad((a), (b), (c))
#define tfg_gemm_sxtab16(a, x) tfg_sxtab16((a), (x))
#define tfg_gemm_sxtab16_ror8(a, x) tfg_sxtab16_ror8((a), (x))
#else
/** SMLAD: c + lo(a) * lo(b) + hi(a) * hi(b), signed halfwords, modulo 2^32. */
static inline int32_t tfg_gemm_smlad(int32_t a, int32_t b, int32_t c)
{
    return (int32_t)((uint32_t)c + (uint32_t)((int32_t)(int16_t)(a & 0xFFFF) * (int16_t)(b & 0xFFFF))
                     + (uint32_t)((int32_t)(int16_t)((uint32_t)a >> 16) * (int16_t)((uint32_t)b >> 16)));
}

static inline int32_t tfg_gemm_pack16(int32_t lo, int32_t hi)
{
    return (int32_t)(((uint32_t)lo & 0xFFFFu) | ((uint32_t)hi << 16));
}

/** SXTAB16: halfwords of a plus the sign-extended bytes 0 and 2 of x. */
static inline int32_t tfg_gemm_sxtab16(int32_t a, int32_t x)
{
    return tfg_gemm_pack16((int16_t)(a & 0xFFFF) + (int8_t)(x & 0xFF),
                           (int16_t)((uint32_t)a >> 16) + (int8_t)(((uint32_t)x >> 16) & 0xFF));
}

/** SXTAB16 of x rotated right by 8: halfwords of a plus bytes 1 and 3 of x. */
static inline int32_t tfg_gemm_sxtab16_ror8(int32_t a, int32_t x)
{
    return tfg_gemm_sxtab16(a, (int32_t)(((uint32_t)x >> 8) | ((uint32_t)x << 24)));
}
#endif

/**
 * The channel's requantized output before clamping (see the header comment): shift is the channel's shift
 * field (r + 256 * c), c = shift >> 8 computed once per channel.
 */
static inline int32_t tfg_gemm_requant(int32_t acc, int32_t multiplier, int32_t round, int32_t shift, int32_t c)
{
    return tfg_gemm_asr(tfg_gemm_smmlar(acc, multiplier, round) - tfg_gemm_lsr(acc, c), shift);
}

/** tfg_gemm_requant for a channel whose c is 31 (every channel with a right shift, and constant channels). */
static inline int32_t tfg_gemm_requant31(int32_t acc, int32_t multiplier, int32_t round, int32_t shift)
{
    return tfg_gemm_asr(tfg_gemm_smmlar(acc, multiplier, round) - (int32_t)((uint32_t)acc >> 31), shift);
}

/** 1 when every channel's correction shift c is 31 (tfg_gemm_requant31 applies), else 0. */
static inline int32_t tfg_gemm_all_c31(const tfg_gemm_channel *channels, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        if ((channels[i].shift >> 8) != 31) {
            return 0;
        }
    }
    return 1;
}

/** input_offset in both halfwords, for tfg_gemm_sxtab16. */
static inline int32_t tfg_gemm_offset2(int32_t input_offset)
{
    return (int32_t)(((uint32_t)input_offset & 0xFFFFu) * 0x00010001u);
}

/**
 * Widens groups * 4 int8 values of src (plus the offset in off2) into lane `lane` of the interleaved columns:
 * group g of lane l is words cols[(g * TFG_GEMM_LANES + l) * 2 + 0, 1] = (x0, x2), (x1, x3).
 */
static inline void tfg_gemm_widen(const int8_t *src, int32_t *cols, int32_t groups, int32_t lane, int32_t off2,
                                  int32_t stride)
{
    int32_t *dst = cols + 2 * lane;
    int32_t g;
    for (g = 0; g < groups; ++g) {
        int32_t x;
        memcpy(&x, src, 4);
        dst[0] = tfg_gemm_sxtab16(off2, x);
        dst[1] = tfg_gemm_sxtab16_ror8(off2, x);
        src += 4;
        dst += stride;
    }
}

#endif /* TFG_GEMM_H */
