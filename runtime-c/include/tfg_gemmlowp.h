/*
 * tinyforge runtime: gemmlowp's fixed-point transcendental functions on raw int32 values, bit-exact with
 * gemmlowp's fixedpoint.h as used by TensorFlow Lite Micro's reference softmax, logistic and tanh kernels.
 * A value with N integer bits (gemmlowp FixedPoint<int32_t, N>, "QN.(31-N)") represents raw / 2^(31-N).
 * No floating point, no state; every function is static inline.
 */
#ifndef TFG_GEMMLOWP_H
#define TFG_GEMMLOWP_H

#include <stdint.h>
#include "tfg_fixedpoint.h"

/** Raw 1.0 with integer_bits integer bits; with 0 integer bits the largest value below 1 (INT32_MAX). */
static inline int32_t tfg_gemmlowp_one(int32_t integer_bits)
{
    return integer_bits == 0 ? INT32_MAX : (int32_t)((uint32_t)1 << (31 - integer_bits));
}

/**
 * gemmlowp SaturatingRoundingMultiplyByPOT: x * 2^exponent, saturating to the int32 range for exponent > 0,
 * rounding half away from zero for exponent < 0.
 */
static inline int32_t tfg_gemmlowp_mul_pot(int32_t x, int32_t exponent)
{
    if (exponent < 0) {
        return tfg_rdbpot(x, -exponent);
    }
    if (exponent > 0) {
        const int32_t threshold = (int32_t)(((uint32_t)1 << (31 - exponent)) - 1u);
        if (x > threshold) {
            return INT32_MAX;
        }
        if (x < -threshold) {
            return INT32_MIN;
        }
        return x * ((int32_t)1 << exponent);
    }
    return x;
}

/** gemmlowp Rescale: the same value with dst_bits instead of src_bits integer bits. */
static inline int32_t tfg_gemmlowp_rescale(int32_t x, int32_t src_bits, int32_t dst_bits)
{
    return tfg_gemmlowp_mul_pot(x, src_bits - dst_bits);
}

/** gemmlowp RoundingHalfSum: (a + b) / 2 rounded half away from zero. */
static inline int32_t tfg_gemmlowp_rounding_half_sum(int32_t a, int32_t b)
{
    const int64_t sum = (int64_t)a + (int64_t)b;
    const int64_t sign = sum >= 0 ? 1 : -1;
    return (int32_t)((sum + sign) / 2);
}

/** exp(a) for a in [-1/4, 0): Taylor expansion around -1/8 to the 4th order; Q0.31 in and out. */
static inline int32_t tfg_gemmlowp_exp_on_interval_between_negative_one_quarter_and_0_excl(int32_t a)
{
    const int32_t exp_minus_one_eighth = 1895147668; /* exp(-1/8) */
    const int32_t one_third = 715827883;             /* 1/3 */
    const int32_t x = a + ((int32_t)1 << 28);        /* a + 1/8 */
    const int32_t x2 = tfg_srdhm(x, x);
    const int32_t x3 = tfg_srdhm(x2, x);
    const int32_t x4 = tfg_srdhm(x2, x2);
    const int32_t x4_over_4 = tfg_rdbpot(x4, 2);
    /* x^4/24 + x^3/6 + x^2/2 */
    const int32_t poly = tfg_rdbpot(tfg_srdhm(x4_over_4 + x3, one_third) + x2, 1);
    return exp_minus_one_eighth + tfg_srdhm(exp_minus_one_eighth, x + poly);
}

/** Multiplies result by factor (Q0.31) when the given bit of remainder is set: one barrel-shifter stage. */
static inline int32_t tfg_gemmlowp_exp_stage(int32_t result, int32_t remainder, int32_t integer_bits,
                                             int32_t exponent, int32_t factor)
{
    if (integer_bits > exponent) {
        const int32_t bit = (int32_t)((uint32_t)1 << (31 - integer_bits + exponent));
        if ((remainder & bit) != 0) {
            return tfg_srdhm(result, factor);
        }
    }
    return result;
}

/**
 * exp(a) for a <= 0 with integer_bits integer bits (0..30); the result is Q0.31 (exp(0) = INT32_MAX).
 * gemmlowp exp_on_negative_values: exp of (a mod 1/4) - 1/4 by Taylor, then factors exp(-2^k), k = -2..4.
 */
static inline int32_t tfg_gemmlowp_exp_on_negative_values(int32_t a, int32_t integer_bits)
{
    const int32_t one_quarter = (int32_t)((uint32_t)1 << (29 - integer_bits));
    const int32_t a_mod_quarter_minus_one_quarter = (a & (one_quarter - 1)) - one_quarter;
    const int32_t remainder = a_mod_quarter_minus_one_quarter - a;
    int32_t result = tfg_gemmlowp_exp_on_interval_between_negative_one_quarter_and_0_excl(
        tfg_gemmlowp_rescale(a_mod_quarter_minus_one_quarter, integer_bits, 0));
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, -2, 1672461947); /* exp(-1/4) */
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, -1, 1302514674); /* exp(-1/2) */
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, 0, 790015084);   /* exp(-1) */
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, 1, 290630308);   /* exp(-2) */
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, 2, 39332535);    /* exp(-4) */
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, 3, 720401);      /* exp(-8) */
    result = tfg_gemmlowp_exp_stage(result, remainder, integer_bits, 4, 242);         /* exp(-16) */
    if (integer_bits > 5) {
        const int32_t clamp = -(int32_t)((uint32_t)1 << (36 - integer_bits)); /* -32.0 */
        if (a < clamp) {
            result = 0;
        }
    }
    return a == 0 ? INT32_MAX : result;
}

/** 2 / (1 + a) in Q2.29 for a in [0, 1) Q0.31: three Newton-Raphson steps from 48/17 - 32/17 d. */
static inline int32_t tfg_gemmlowp_newton_two_over_one_plus_x(int32_t a)
{
    const int32_t half_denominator = tfg_gemmlowp_rounding_half_sum(a, INT32_MAX);
    const int32_t one_q2 = (int32_t)1 << 29;
    int32_t x = 1515870810 /* 48/17 */ + tfg_srdhm(half_denominator, -1010580540 /* -32/17 */);
    int i;
    for (i = 0; i < 3; i++) {
        const int32_t one_minus_half_denominator_times_x = one_q2 - tfg_srdhm(half_denominator, x);
        x = x + tfg_gemmlowp_rescale(tfg_srdhm(x, one_minus_half_denominator_times_x), 4, 2);
    }
    return x;
}

/** gemmlowp one_over_one_plus_x_for_x_in_0_1: 1 / (1 + a), Q0.31 in and out. */
static inline int32_t tfg_gemmlowp_one_over_one_plus_x_for_x_in_0_1(int32_t a)
{
    return tfg_gemmlowp_rescale(tfg_gemmlowp_newton_two_over_one_plus_x(a), 1, 0);
}

/** gemmlowp one_minus_x_over_one_plus_x_for_x_in_0_1: (1 - a) / (1 + a), Q0.31 in and out. */
static inline int32_t tfg_gemmlowp_one_minus_x_over_one_plus_x_for_x_in_0_1(int32_t a)
{
    return tfg_gemmlowp_rescale(tfg_gemmlowp_newton_two_over_one_plus_x(a) - ((int32_t)1 << 29), 2, 0);
}

/** gemmlowp tanh of a value with integer_bits integer bits (at most 29); the result is Q0.31. */
static inline int32_t tfg_gemmlowp_tanh(int32_t a, int32_t integer_bits)
{
    int32_t t;
    if (a == 0) {
        return 0;
    }
    /* -tanh(n) for n = -|a| < 0, from exp(2n): the same raw value with one more integer bit */
    t = tfg_gemmlowp_one_minus_x_over_one_plus_x_for_x_in_0_1(
        tfg_gemmlowp_exp_on_negative_values(a < 0 ? a : -a, integer_bits + 1));
    return a < 0 ? -t : t;
}

/** gemmlowp logistic of a value with integer_bits integer bits; the result is Q0.31 (1/2 at 0). */
static inline int32_t tfg_gemmlowp_logistic(int32_t a, int32_t integer_bits)
{
    int32_t if_positive;
    if (a == 0) {
        return (int32_t)1 << 30;
    }
    /* 1 / (1 + exp(-|a|)); exp of -|a| written without negating INT32_MIN */
    if_positive = tfg_gemmlowp_one_over_one_plus_x_for_x_in_0_1(
        tfg_gemmlowp_exp_on_negative_values(a > 0 ? -a : a, integer_bits));
    return a > 0 ? if_positive : INT32_MAX - if_positive;
}

/** Number of leading zero bits of a non-zero x (one CLZ instruction with GCC/Clang on Arm). */
static inline int32_t tfg_clz32(uint32_t x)
{
#if defined(__GNUC__) && !defined(TFG_FORCE_REFERENCE)
    return (int32_t)__builtin_clz(x);
#else
    int32_t n = 0;
    while ((x & 0x80000000u) == 0u) {
        x <<= 1;
        n++;
    }
    return n;
#endif
}

/**
 * TFLite GetReciprocal: for x > 0 with integer_digits integer bits, returns a Q0.31 scale and sets
 * *num_bits_over_unit so that 1/x = scale * 2^-(*num_bits_over_unit).
 */
static inline int32_t tfg_gemmlowp_reciprocal(int32_t x, int32_t integer_digits, int32_t *num_bits_over_unit)
{
    const int32_t headroom_plus_one = tfg_clz32((uint32_t)x);
    const int32_t shifted_minus_one = (int32_t)(((uint32_t)x << headroom_plus_one) - 0x80000000u);
    *num_bits_over_unit = integer_digits - headroom_plus_one;
    return tfg_gemmlowp_one_over_one_plus_x_for_x_in_0_1(shifted_minus_one);
}

#endif /* TFG_GEMMLOWP_H */
