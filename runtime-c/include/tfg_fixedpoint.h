/*
 * tinyforge runtime: the integer rescaling primitives, bit-exact with TensorFlow Lite Micro's reference
 * kernels (gemmlowp SaturatingRoundingDoublingHighMul / RoundingDivideByPOT). Double rounding is the default,
 * as in TFLM and CMSIS-NN; TFG_SINGLE_ROUNDING (set in tfg_config.h by the generator) selects TFLite's
 * single-rounding variant.
 */
#ifndef TFG_FIXEDPOINT_H
#define TFG_FIXEDPOINT_H

#include <stdint.h>
#include "tfg_config.h"

/** gemmlowp SaturatingRoundingDoublingHighMul. */
static inline int32_t tfg_srdhm(int32_t a, int32_t b)
{
    if (a == INT32_MIN && b == INT32_MIN) {
        return INT32_MAX;
    }
    {
        const int64_t ab = (int64_t)a * (int64_t)b;
        const int64_t nudge = ab >= 0 ? ((int64_t)1 << 30) : (1 - ((int64_t)1 << 30));
        return (int32_t)((ab + nudge) / ((int64_t)1 << 31));
    }
}

/** gemmlowp RoundingDivideByPOT: x / 2^exponent rounded half away from zero; exponent in [0, 31]. */
static inline int32_t tfg_rdbpot(int32_t x, int32_t exponent)
{
    const int32_t mask = (int32_t)(((int64_t)1 << exponent) - 1);
    const int32_t remainder = x & mask;
    const int32_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/** TFLite MultiplyByQuantizedMultiplier: x * multiplier * 2^(shift-31), rounded. */
static inline int32_t tfg_mbqm(int32_t x, int32_t multiplier, int32_t shift)
{
#if defined(TFG_SINGLE_ROUNDING) && TFG_SINGLE_ROUNDING
    const int32_t total_shift = 31 - shift;
    const int64_t round = (int64_t)1 << (total_shift - 1);
    return (int32_t)(((int64_t)x * multiplier + round) >> total_shift);
#else
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = shift > 0 ? 0 : -shift;
    return tfg_rdbpot(tfg_srdhm((int32_t)((uint32_t)x << left), multiplier), right);
#endif
}

/** TFLite MultiplyByQuantizedMultiplierSmallerThanOneExp (always double rounding); left_shift <= 0. */
static inline int32_t tfg_mbqm_smaller_than_one(int32_t x, int32_t multiplier, int32_t left_shift)
{
    return tfg_rdbpot(tfg_srdhm(x, multiplier), -left_shift);
}

/** TFLite MultiplyByQuantizedMultiplierGreaterThanOne (always double rounding); left_shift >= 0. */
static inline int32_t tfg_mbqm_greater_than_one(int32_t x, int32_t multiplier, int32_t left_shift)
{
    return tfg_srdhm((int32_t)((uint32_t)x << left_shift), multiplier);
}

static inline int32_t tfg_clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

#endif /* TFG_FIXEDPOINT_H */
