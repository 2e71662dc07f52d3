/*
 * tinyforge runtime: softmax with int8 input and int16 output (scale 1/65536, zero point -32768),
 * bit-exact with TFLM reference_ops::Softmax<int8_t, int16_t>.
 */
#include "tfg_nn.h"
#include "tfg_gemmlowp.h"

void tfg_softmax_s8_s16(const int8_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                        int32_t input_left_shift, int32_t diff_min, int16_t *output)
{
    int32_t r;
    for (r = 0; r < rows; r++) {
        const int8_t *in = input + (size_t)r * (size_t)depth;
        int16_t *out = output + (size_t)r * (size_t)depth;
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
                const int32_t scaled = tfg_mbqm(diff, input_multiplier, input_left_shift); /* Q5.26 */
                sum_of_exps += tfg_rdbpot(tfg_gemmlowp_exp_on_negative_values(scaled, 5), 12);
            }
        }
        scale = tfg_gemmlowp_reciprocal(sum_of_exps, 12, &num_bits_over_unit);
        /* num_bits_over_unit is at most 12, so the exponent stays within [15, 27] */
        exponent = num_bits_over_unit + 31 - 16;
        for (c = 0; c < depth; c++) {
            const int32_t diff = (int32_t)in[c] - max;
            if (diff >= diff_min) {
                const int32_t scaled = tfg_mbqm(diff, input_multiplier, input_left_shift);
                const int32_t e = tfg_gemmlowp_exp_on_negative_values(scaled, 5);
                const int32_t unsat = tfg_rdbpot(tfg_srdhm(scale, e), exponent);
                out[c] = (int16_t)tfg_clamp(unsat + INT16_MIN, INT16_MIN, INT16_MAX);
            } else {
                out[c] = INT16_MIN;
            }
        }
    }
}
