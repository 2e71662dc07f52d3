/*
 * tinyforge runtime: MUL int8 (TFLM mul_common.cc, reference_integer_ops::Mul), flat or with TFLM's slow
 * broadcast over the output extended to 6-D.
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_mul_s8(const int8_t *input1, const int8_t *input2, int8_t *output, int32_t size, const int32_t *dims,
                const int32_t *strides1, const int32_t *strides2, int32_t input1_offset, int32_t input2_offset,
                int32_t output_offset, int32_t output_multiplier, int32_t output_shift, int32_t act_min,
                int32_t act_max)
{
    if (dims == NULL) {
        int32_t i;
        for (i = 0; i < size; i++) {
            const int32_t prod = (input1_offset + input1[i]) * (input2_offset + input2[i]);
            const int32_t raw = output_offset + tfg_mbqm(prod, output_multiplier, output_shift);
            output[i] = (int8_t)tfg_clamp(raw, act_min, act_max);
        }
    } else {
        int32_t d0, d1, d2, d3, d4, d5;
        for (d0 = 0; d0 < dims[0]; d0++) {
            for (d1 = 0; d1 < dims[1]; d1++) {
                for (d2 = 0; d2 < dims[2]; d2++) {
                    for (d3 = 0; d3 < dims[3]; d3++) {
                        for (d4 = 0; d4 < dims[4]; d4++) {
                            const int32_t a = d0 * strides1[0] + d1 * strides1[1] + d2 * strides1[2]
                                + d3 * strides1[3] + d4 * strides1[4];
                            const int32_t b = d0 * strides2[0] + d1 * strides2[1] + d2 * strides2[2]
                                + d3 * strides2[3] + d4 * strides2[4];
                            for (d5 = 0; d5 < dims[5]; d5++) {
                                const int32_t prod = (input1_offset + input1[a + d5 * strides1[5]])
                                    * (input2_offset + input2[b + d5 * strides2[5]]);
                                const int32_t raw = output_offset + tfg_mbqm(prod, output_multiplier, output_shift);
                                *output++ = (int8_t)tfg_clamp(raw, act_min, act_max);
                            }
                        }
                    }
                }
            }
        }
    }
}
