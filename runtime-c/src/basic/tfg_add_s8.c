/*
 * tinyforge runtime: ADD int8 with TFLM's general rescaling (add_common.cc, reference_integer_ops::AddFunc),
 * flat or with TFLM's 6-D slow broadcast. The three rescalings are prepared once per call
 * (tfg_requant_prepare: one 64-bit multiply-accumulate and a shift each, equal to tfg_mbqm).
 */
#include "tfg_fixedpoint.h"
#include "tfg_dsp.h"
#include "tfg_nn.h"

/* The per-element constants, gathered once per call. */
typedef struct {
    int32_t in1_offset, in1_mult, in1_shift;
    int32_t in2_offset, in2_mult, in2_shift;
    int32_t left_shift, out_offset, out_mult, out_shift, act_min, act_max;
    tfg_requant rq1, rq2, rq_out; /* the three multipliers (never INT32_MIN) prepared */
} tfg_add_q;

/* TFLM AddFunc; every shift is <= 0, so tfg_mbqm is MultiplyByQuantizedMultiplierSmallerThanOneExp. */
static int8_t tfg_add_one(int32_t x, int32_t y, const tfg_add_q *q)
{
    const int32_t a = (q->in1_offset + x) * ((int32_t)1 << q->left_shift);
    const int32_t b = (q->in2_offset + y) * ((int32_t)1 << q->left_shift);
    const int32_t sum = tfg_requant_apply(a, &q->rq1, q->in1_mult, q->in1_shift)
        + tfg_requant_apply(b, &q->rq2, q->in2_mult, q->in2_shift);
    const int32_t raw = tfg_requant_apply(sum, &q->rq_out, q->out_mult, q->out_shift) + q->out_offset;
    return (int8_t)tfg_clamp(raw, q->act_min, q->act_max);
}

void tfg_add_s8(const int8_t *input1, const int8_t *input2, int8_t *output, int32_t size, const int32_t *dims,
                const int32_t *strides1, const int32_t *strides2, int32_t input1_offset,
                int32_t input1_multiplier, int32_t input1_shift, int32_t input2_offset,
                int32_t input2_multiplier, int32_t input2_shift, int32_t left_shift, int32_t output_offset,
                int32_t output_multiplier, int32_t output_shift, int32_t act_min, int32_t act_max)
{
    tfg_add_q q;
    q.in1_offset = input1_offset;
    q.in1_mult = input1_multiplier;
    q.in1_shift = input1_shift;
    q.in2_offset = input2_offset;
    q.in2_mult = input2_multiplier;
    q.in2_shift = input2_shift;
    q.left_shift = left_shift;
    q.out_offset = output_offset;
    q.out_mult = output_multiplier;
    q.out_shift = output_shift;
    q.act_min = act_min;
    q.act_max = act_max;
    q.rq1 = tfg_requant_prepare(input1_multiplier, input1_shift);
    q.rq2 = tfg_requant_prepare(input2_multiplier, input2_shift);
    q.rq_out = tfg_requant_prepare(output_multiplier, output_shift);
    if (dims == NULL) {
        int32_t i;
        for (i = 0; i < size; i++) {
            output[i] = tfg_add_one(input1[i], input2[i], &q);
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
                                *output++ = tfg_add_one(input1[a + d5 * strides1[5]], input2[b + d5 * strides2[5]], &q);
                            }
                        }
                    }
                }
            }
        }
    }
}
