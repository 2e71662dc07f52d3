/*
 * tinyforge runtime: SVDF, int8 input / weights_feature, int16 weights_time / state, int32 bias, int8 output.
 * Bit-exact with TFLM's EvalIntegerSvdfReference<int16_t> (svdf_common.cc).
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

tfg_status tfg_svdf_s8_s16(const tfg_svdf_params *p, const int8_t *input, const int8_t *weights_feature,
                           const int16_t *weights_time, const int32_t *bias, int16_t *state, int8_t *output,
                           void *scratch)
{
    const int32_t filters = p->num_filters;
    const int32_t memory = p->memory_size;
    const int32_t units = filters / p->rank;
    const int32_t state_len = p->batches * filters * memory;
    int32_t *dots = (int32_t *)scratch;           /* [batches][filters] */
    int32_t *acc_units = dots + p->batches * filters; /* [batches][units] */
    int32_t i;
    int32_t b;

    /* Shift the whole state one element left; each filter's newest column is rewritten below. */
    for (i = 0; i + 1 < state_len; i++) {
        state[i] = state[i + 1];
    }

    for (b = 0; b < p->batches; b++) {
        const int8_t *in = input + b * p->input_size;
        int16_t *st = state + b * filters * memory;
        int32_t f;
        for (f = 0; f < filters; f++) {
            const int8_t *w = weights_feature + f * p->input_size;
            int32_t acc = 0;
            int32_t c;
            for (c = 0; c < p->input_size; c++) {
                acc += (int32_t)w[c] * ((int32_t)in[c] - p->input_zero_point);
            }
            acc = tfg_mbqm(acc, p->feature_quant.multiplier, p->feature_quant.shift);
            acc = tfg_clamp(acc, -32768, 32767);
            /* TFLM adds the zero point after the clamp and narrows to int16 (two's complement wrap). */
            st[f * memory + memory - 1] = (int16_t)(uint16_t)(uint32_t)(acc + p->state_zero_point);
        }
        for (f = 0; f < filters; f++) {
            const int16_t *wt = weights_time + f * memory;
            const int16_t *s = st + f * memory;
            int32_t acc = 0;
            int32_t j;
            for (j = 0; j < memory; j++) {
                acc += (int32_t)wt[j] * ((int32_t)s[j] - p->state_zero_point);
            }
            dots[b * filters + f] = acc;
        }
    }

    for (b = 0; b < p->batches; b++) {
        int32_t u;
        for (u = 0; u < units; u++) {
            int32_t acc = bias != NULL ? bias[u] : 0;
            int32_t k;
            for (k = 0; k < p->rank; k++) {
                acc += dots[b * filters + u * p->rank + k];
            }
            acc_units[b * units + u] = acc;
        }
        for (u = 0; u < units; u++) {
            int32_t v = tfg_mbqm(acc_units[b * units + u], p->time_quant.multiplier, p->time_quant.shift);
            output[b * units + u] = (int8_t)tfg_clamp(v + p->output_zero_point, -128, 127);
        }
    }
    return TFG_OK;
}
