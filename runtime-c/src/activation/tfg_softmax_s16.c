/*
 * tinyforge runtime: int16 softmax (output scale 1/32768, zero point 0) with interpolated exp and 1/(1+x)
 * tables, bit-exact with TFLM reference_ops::SoftmaxInt16.
 */
#include "tfg_nn.h"
#include "tfg_gemmlowp.h"

/** Arithmetic right shift of a possibly negative value by 7 (portable floor division by 128). */
static int32_t tfg_softmax_s16_floor_div128(int32_t v)
{
    return v >= 0 ? v / 128 : -((-v + 127) / 128);
}

/** TFLite LUTLookup for int16: entry 256 + value/128 interpolated by the low 7 bits. */
static int16_t tfg_softmax_s16_lookup(int32_t value, const int16_t *lut)
{
    const int32_t index = 256 + tfg_softmax_s16_floor_div128(value);
    const int32_t offset = (int32_t)((uint32_t)value & 0x7fu);
    const int32_t base = lut[index];
    const int32_t slope = (int16_t)(lut[index + 1] - lut[index]);
    return (int16_t)(base + tfg_softmax_s16_floor_div128(slope * offset + 64));
}

void tfg_softmax_s16(const int16_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                     int32_t input_shift, const int16_t *exp_lut, const int16_t *one_over_one_plus_x_lut,
                     int16_t *output)
{
    int32_t r;
    for (r = 0; r < rows; r++) {
        const int16_t *in = input + (size_t)r * (size_t)depth;
        int16_t *out = output + (size_t)r * (size_t)depth; /* holds exp(x - max) until the last pass */
        int32_t max = INT16_MIN;
        int32_t sum_of_exps = 0; /* Q16.15 */
        int32_t headroom_plus_one;
        int32_t shifted_sum;
        int32_t reciprocal;
        int32_t right_shift;
        int64_t round;
        int32_t c;
        for (c = 0; c < depth; c++) {
            max = in[c] > max ? in[c] : max;
        }
        for (c = 0; c < depth; c++) {
            const int32_t scaled = tfg_mbqm((int32_t)in[c] - max, input_multiplier, input_shift);
            /* recenter [-65535, 0] to the table's [-32768, 32767] */
            out[c] = tfg_softmax_s16_lookup(tfg_clamp(scaled + 32767, INT16_MIN, INT16_MAX), exp_lut);
            sum_of_exps += out[c];
        }
        headroom_plus_one = tfg_clz32((uint32_t)sum_of_exps);
        shifted_sum = (int32_t)((((int64_t)sum_of_exps << (headroom_plus_one - 1)) + (1 << 13)) >> 14);
        /* 1 / (1 + x) for x = sum - 1, recentered from [0, 65535] to [-32768, 32767] */
        reciprocal = tfg_softmax_s16_lookup(tfg_clamp(shifted_sum - ((1 << 15) + (1 << 16)), INT16_MIN, INT16_MAX),
                                            one_over_one_plus_x_lut);
        right_shift = 31 - headroom_plus_one;
        round = (int64_t)1 << (right_shift - 1);
        for (c = 0; c < depth; c++) {
            const int32_t result = (int32_t)(((int64_t)out[c] * reciprocal + round) >> right_shift);
            out[c] = (int16_t)tfg_clamp(result, 0, INT16_MAX);
        }
    }
}
