/*
 * tinyforge runtime: int8 FULLY_CONNECTED (per-tensor or per-channel rescaling), bit-exact with the
 * TensorFlow Lite Micro reference kernels (reference/integer_ops/fully_connected.h). With symmetric weights
 * four output rows are computed together so that each input byte is loaded once per four multiply-accumulates.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

tfg_status tfg_fully_connected_s8(const int8_t *input, const int8_t *filter, const int32_t *bias,
                                  int8_t *output,
                                  int32_t batches, int32_t accum_depth, int32_t out_depth,
                                  int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                  tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act)
{
    int32_t b;
    if (batches < 0 || accum_depth < 0 || out_depth < 0) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        const int8_t *x = input + (size_t)b * accum_depth;
        int8_t *out = output + (size_t)b * out_depth;
        int32_t oc = 0;
        if (filter_offset == 0) {
            /* four outputs at a time share every input byte they read */
            for (; oc + 4 <= out_depth; oc += 4) {
                const int8_t *w0 = filter + (size_t)oc * accum_depth;
                const int8_t *w1 = w0 + accum_depth;
                const int8_t *w2 = w1 + accum_depth;
                const int8_t *w3 = w2 + accum_depth;
                int32_t acc[4] = {0, 0, 0, 0};
                int32_t d;
                int32_t j;
                for (d = 0; d < accum_depth; ++d) {
                    const int32_t xv = (int32_t)x[d] + input_offset;
                    acc[0] += (int32_t)w0[d] * xv;
                    acc[1] += (int32_t)w1[d] * xv;
                    acc[2] += (int32_t)w2[d] * xv;
                    acc[3] += (int32_t)w3[d] * xv;
                }
                for (j = 0; j < 4; ++j) {
                    const int32_t q = per_channel ? oc + j : 0;
                    int32_t v = acc[j];
                    if (bias != NULL) {
                        v += bias[oc + j];
                    }
                    v = tfg_mbqm(v, quant.multiplier[q], quant.shift[q]);
                    v += output_offset;
                    out[oc + j] = (int8_t)tfg_clamp(v, act.min, act.max);
                }
            }
        }
        for (; oc < out_depth; ++oc) {
            const int8_t *w = filter + (size_t)oc * accum_depth;
            const int32_t q = per_channel ? oc : 0;
            int32_t acc = 0;
            int32_t d = 0;
            if (filter_offset == 0) {
                for (; d + 4 <= accum_depth; d += 4) {
                    acc += (int32_t)w[d] * ((int32_t)x[d] + input_offset);
                    acc += (int32_t)w[d + 1] * ((int32_t)x[d + 1] + input_offset);
                    acc += (int32_t)w[d + 2] * ((int32_t)x[d + 2] + input_offset);
                    acc += (int32_t)w[d + 3] * ((int32_t)x[d + 3] + input_offset);
                }
            }
            for (; d < accum_depth; ++d) {
                acc += ((int32_t)w[d] + filter_offset) * ((int32_t)x[d] + input_offset);
            }
            if (bias != NULL) {
                acc += bias[oc];
            }
            acc = tfg_mbqm(acc, quant.multiplier[q], quant.shift[q]);
            acc += output_offset;
            out[oc] = (int8_t)tfg_clamp(acc, act.min, act.max);
        }
    }
    return TFG_OK;
}
