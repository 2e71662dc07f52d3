/* tinyforge runtime: int8 softmax, bit-exact with TFLM reference_ops::Softmax<int8_t, int8_t>. */
#include "tfg_nn.h"
#include "tfg_gemmlowp.h"

/* exp(diff * input scale) in Q0.31 for diff = x - max <= 0, for both passes; out of line (one copy, size) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int32_t tfg_softmax_s8_exp(int32_t diff, int32_t input_multiplier, int32_t input_left_shift)
{
    return tfg_gemmlowp_exp_on_negative_values(tfg_mbqm(diff, input_multiplier, input_left_shift), 5); /* Q5.26 in */
}

void tfg_softmax_s8(const int8_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                    int32_t input_left_shift, int32_t diff_min, int8_t *output)
{
    int32_t r;
    for (r = 0; r < rows; r++) {
        const int8_t *in = input + (size_t)r * (size_t)depth;
        int8_t *out = output + (size_t)r * (size_t)depth;
        int32_t max = INT8_MIN;
        int32_t sum_of_exps = 0; /* Q12.19 */
        int32_t num_bits_over_unit;
        int32_t scale;
        int32_t exponent;
        int32_t c;
        for (c = 0; c < depth; c++) {
            max = in[c] > max ? in[c] : max;
        }
        for (c = 0; c < depth; c++) {
            const int32_t diff = (int32_t)in[c] - max;
            if (diff >= diff_min) {
                sum_of_exps += tfg_rdbpot(tfg_softmax_s8_exp(diff, input_multiplier, input_left_shift), 12);
            }
        }
        scale = tfg_gemmlowp_reciprocal(sum_of_exps, 12, &num_bits_over_unit);
        /* TFLM requires exponent <= 31 (it aborts beyond, only possible for rows longer than 511); clamp */
        exponent = num_bits_over_unit + 31 - 8;
        exponent = exponent > 31 ? 31 : exponent;
        for (c = 0; c < depth; c++) {
            const int32_t diff = (int32_t)in[c] - max;
            if (diff >= diff_min) {
                const int32_t e = tfg_softmax_s8_exp(diff, input_multiplier, input_left_shift);
                const int32_t unsat = tfg_rdbpot(tfg_srdhm(scale, e), exponent);
                out[c] = (int8_t)tfg_clamp(unsat + INT8_MIN, INT8_MIN, INT8_MAX);
            } else {
                out[c] = INT8_MIN;
            }
        }
    }
}
