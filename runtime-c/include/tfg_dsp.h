/*
 * tinyforge runtime: Armv7E-M DSP-extension helpers for the fast int8 kernels. TFG_HAS_DSP is 1 when the
 * target has the DSP extension (__ARM_FEATURE_DSP: Cortex-M4, M7, M33, M55...) and TFG_FORCE_REFERENCE is not
 * defined; the fast kernels then use the SIMD paths, otherwise they call the pure C reference kernels, which
 * remain the specification. TFG_DSP_EMULATE (host testing only) enables the SIMD paths on any compiler with
 * portable C emulations of the instructions, so the DSP algorithms can be checked byte for byte on a host.
 */
#ifndef TFG_DSP_H
#define TFG_DSP_H

#include <stdint.h>
#include <string.h>
#include "tfg_fixedpoint.h"

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP && !defined(TFG_FORCE_REFERENCE)
#define TFG_HAS_DSP 1
#define TFG_DSP_NATIVE 1
#include <arm_acle.h>
#elif defined(TFG_DSP_EMULATE) && !defined(TFG_FORCE_REFERENCE)
#define TFG_HAS_DSP 1
#define TFG_DSP_NATIVE 0
#else
#define TFG_HAS_DSP 0
#define TFG_DSP_NATIVE 0
#endif

#if TFG_HAS_DSP

/** 32-bit load from any alignment (one LDR on Armv7-M). */
static inline int32_t tfg_ld32(const void *p)
{
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

/** 32-bit store to any alignment. */
static inline void tfg_st32(void *p, int32_t v)
{
    memcpy(p, &v, 4);
}

/** rotate right by 8 (folds into the SXTB16/SXTAB16 operand on Arm). */
static inline int32_t tfg_ror8(int32_t x)
{
    return (int32_t)(((uint32_t)x >> 8) | ((uint32_t)x << 24));
}

#if TFG_DSP_NATIVE
#define tfg_sxtb16(x) __sxtb16(x)
#define tfg_sxtab16(a, x) __sxtab16((a), (x))
#define tfg_smlad(a, b, c) __smlad((a), (b), (c))
#define tfg_smlabb(a, b, c) __smlabb((a), (b), (c))
#define tfg_smlatt(a, b, c) __smlatt((a), (b), (c))

/** Two consecutive words from p (4-byte aligned) into *a, *b; advances p by two words (one LDRD). */
#define TFG_LD2X32_INC(p, a, b) \
    __asm__("ldrd %0, %1, [%2], #8" : "=r"(a), "=r"(b), "+r"(p) : "m"(*(const int32_t(*)[2])(p)))

/** SXTAB16 with x rotated right by 8 (one instruction). */
static inline int32_t tfg_sxtab16_ror8(int32_t a, int32_t x)
{
    int32_t r;
    __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(a), "r"(x));
    return r;
}

/** SXTB16 of x rotated right by 8: bytes 1 and 3, sign-extended (one instruction; GCC 12 does not fold it). */
static inline int32_t tfg_sxtb16_ror8(int32_t x)
{
    int32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}
#else
static inline int32_t tfg_dsp_pack16(int32_t lo, int32_t hi)
{
    return (int32_t)(((uint32_t)lo & 0xFFFFu) | ((uint32_t)hi << 16));
}

/** SXTB16: bytes 0 and 2, sign-extended, into the low and high halfwords. */
static inline int32_t tfg_sxtb16(int32_t x)
{
    return tfg_dsp_pack16((int8_t)(x & 0xFF), (int8_t)((x >> 16) & 0xFF));
}

/** SXTAB16: halfwords of a plus the sign-extended bytes 0 and 2 of x (each modulo 2^16). */
static inline int32_t tfg_sxtab16(int32_t a, int32_t x)
{
    return tfg_dsp_pack16((int16_t)(a & 0xFFFF) + (int8_t)(x & 0xFF),
                          (int16_t)((a >> 16) & 0xFFFF) + (int8_t)((x >> 16) & 0xFF));
}

/** SXTB16 of x rotated right by 8: bytes 1 and 3, sign-extended. */
static inline int32_t tfg_sxtb16_ror8(int32_t x)
{
    return tfg_sxtb16(tfg_ror8(x));
}

/** Two consecutive words from p into a, b; advances p by two words. */
#define TFG_LD2X32_INC(p, a, b) \
    do { \
        (a) = (p)[0]; \
        (b) = (p)[1]; \
        (p) += 2; \
    } while (0)

/** SXTAB16 with x rotated right by 8. */
static inline int32_t tfg_sxtab16_ror8(int32_t a, int32_t x)
{
    return tfg_sxtab16(a, tfg_ror8(x));
}

/** SMLAD: c + lo(a) * lo(b) + hi(a) * hi(b), signed halfwords. */
static inline int32_t tfg_smlad(int32_t a, int32_t b, int32_t c)
{
    return (int32_t)((uint32_t)c + (uint32_t)((int16_t)(a & 0xFFFF) * (int16_t)(b & 0xFFFF))
                     + (uint32_t)((int16_t)((a >> 16) & 0xFFFF) * (int16_t)((b >> 16) & 0xFFFF)));
}

/** SMLABB: c + lo(a) * lo(b), signed halfwords. */
static inline int32_t tfg_smlabb(int32_t a, int32_t b, int32_t c)
{
    return (int32_t)((uint32_t)c + (uint32_t)((int16_t)(a & 0xFFFF) * (int16_t)(b & 0xFFFF)));
}

/** SMLATT: c + hi(a) * hi(b), signed halfwords. */
static inline int32_t tfg_smlatt(int32_t a, int32_t b, int32_t c)
{
    return (int32_t)((uint32_t)c + (uint32_t)((int16_t)((a >> 16) & 0xFFFF) * (int16_t)((b >> 16) & 0xFFFF)));
}
#endif

/**
 * Widens n int8 values to int16 adding offset (x + offset fits int16). Each full group of four is stored as
 * x0, x2, x1, x3: the order in which SXTB16(w) and SXTB16(ror(w, 8)) unpack a word of four int8 weights,
 * so that two SMLADs per group pair every input with its weight. The last n % 4 values are stored in order.
 */
static inline void tfg_dsp_widen_s8(const int8_t *src, int16_t *dst, int32_t n, int32_t offset)
{
    const int32_t off2 = (int32_t)(((uint32_t)offset & 0xFFFFu) * 0x00010001u);
    int32_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const int32_t x = tfg_ld32(src + i);
        tfg_st32(dst + i, tfg_sxtab16(off2, x));
        tfg_st32(dst + i + 2, tfg_sxtab16_ror8(off2, x));
    }
    for (; i < n; ++i) {
        dst[i] = (int16_t)(src[i] + offset);
    }
}

#endif /* TFG_HAS_DSP */

/**
 * tfg_mbqm for multipliers that are never INT32_MIN (all per-channel multipliers, in [2^30, 2^31) or 0):
 * the same value with a plain 64-bit multiply-add, (x * m + 2^30) >> 31 being equal to gemmlowp's
 * nudged, truncating division for both signs; then the rounding right shift.
 */
static inline int32_t tfg_requantize_fast(int32_t x, int32_t multiplier, int32_t shift)
{
#if defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING
    return tfg_mbqm(x, multiplier, shift);
#else
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = shift > 0 ? 0 : -shift;
    const int32_t xs = (int32_t)((uint32_t)x << left);
    const int32_t hi = (int32_t)(((int64_t)xs * multiplier + ((int64_t)1 << 30)) >> 31);
    const int32_t mask = (int32_t)((1u << right) - 1u);
    const int32_t remainder = hi & mask;
    const int32_t threshold = (mask >> 1) + (hi < 0 ? 1 : 0);
    return (hi >> right) + (remainder > threshold ? 1 : 0);
#endif
}

/**
 * One output channel's double-rounding requantization, prepared once per kernel call by tfg_requant_prepare
 * so that tfg_requant_apply costs one 64-bit multiply-accumulate and two shifts. For a right shift r >= 1,
 * gemmlowp's two roundings (round half up of x * m / 2^31, then round half away from zero of that / 2^r)
 * equal one floor division: (x * m + 2^30 + 2^(30 + r) - [x < 0] * 2^31) >> (31 + r). ([x < 0] may replace
 * [first result < 0]: they differ only when the first result is 0, which rounds to 0 either way.)
 */
typedef struct {
    uint32_t round_lo;  /* low word of 2^30 + 2^(30 + r) (r >= 1), or of 2^30 */
    int32_t round_hi;   /* high word of the same */
    int32_t multiplier; /* the fixed-point multiplier, in [2^30, 2^31) or 0 */
    int32_t code;       /* r - 1 for a right shift r >= 1; -1 - left for a left shift left >= 0 */
} tfg_requant;

/** Prepares tfg_requant_apply(x, q) == tfg_mbqm(x, multiplier, shift) for multiplier != INT32_MIN. */
static inline tfg_requant tfg_requant_prepare(int32_t multiplier, int32_t shift)
{
    tfg_requant q;
    int64_t round = (int64_t)1 << 30;
    q.multiplier = multiplier;
    if (shift < 0) {
        round += (int64_t)1 << (30 - shift);
        q.code = -shift - 1;
    } else {
        q.code = -1 - shift;
    }
    q.round_lo = (uint32_t)((uint64_t)round & 0xFFFFFFFFu);
    q.round_hi = (int32_t)(round >> 32);
    return q;
}

/** tfg_mbqm (double rounding) of x with a prepared channel; tfg_mbqm itself under TFG_SINGLE_ROUNDING. */
static inline int32_t tfg_requant_apply(int32_t x, const tfg_requant *q, int32_t multiplier, int32_t shift)
{
#if defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING
    (void)q;
    return tfg_mbqm(x, multiplier, shift);
#else
    const int64_t round = (int64_t)(((uint64_t)(uint32_t)q->round_hi << 32) | q->round_lo);
    (void)multiplier;
    (void)shift;
    if (q->code >= 0) {
        const int64_t p = (int64_t)x * q->multiplier + round - (x < 0 ? ((int64_t)1 << 31) : 0);
        return (int32_t)(p >> 32) >> q->code;
    }
    return (int32_t)(((int64_t)(int32_t)((uint32_t)x << (-1 - q->code)) * q->multiplier + round) >> 31);
#endif
}

#endif /* TFG_DSP_H */
