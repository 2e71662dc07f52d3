/*
 * tinyforge runtime: int8 FULLY_CONNECTED with sparse weights (pruned models, docs/PRUNING.md). The arithmetic is
 * that of tfg_fully_connected_s8 (TFLM reference/integer_ops/fully_connected.h) with filter_offset 0: only the
 * stored entries are multiplied, so skipped zeros leave the int32 sum, and the output, unchanged.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

tfg_status tfg_fully_connected_sp_s8(const int8_t *input, tfg_sparse filter, const int32_t *bias,
                                     int8_t *output,
                                     int32_t batches, int32_t accum_depth, int32_t out_depth,
                                     int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                     tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act)
{
    int32_t b;
    if (batches < 0 || accum_depth < 0 || out_depth < 0 || filter_offset != 0
        || (filter.values == NULL) == (filter.codebook == NULL) || filter.stride < 0) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        const int8_t *x = input + (size_t)b * accum_depth;
        int8_t *out = output + (size_t)b * out_depth;
        int32_t oc;
        for (oc = 0; oc < out_depth; ++oc) {
            const int32_t q = per_channel ? oc : 0;
            const int32_t end = filter.row_start[oc + 1];
            int32_t e = filter.row_start[oc];
            int32_t d = -1; /* input index of the current entry */
            int32_t acc = 0;
            if (filter.values != NULL) {
                for (; e < end; ++e) {
                    d += (int32_t)((filter.gaps[e >> 1] >> ((e & 1) << 2)) & 15u) + 1;
                    acc += (int32_t)filter.values[e] * ((int32_t)x[d] + input_offset);
                }
            } else {
                const int8_t *cb = filter.codebook + (size_t)oc * (size_t)filter.stride;
                for (; e < end; ++e) {
                    const uint32_t g = filter.gaps[e];
                    d += (int32_t)(g & 15u) + 1;
                    acc += (int32_t)cb[g >> 4] * ((int32_t)x[d] + input_offset);
                }
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
