/*
 * tinyforge runtime: int8 FULLY_CONNECTED with codebook weights (clustered models). The arithmetic is that of
 * tfg_fully_connected_s8 (TFLM reference/integer_ops/fully_connected.h); only the weight fetch differs: each
 * weight is read as values[codebook of oc][packed index].
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* log2 of the indices per byte for 1/2/4/8-bit indices, or -1 for any other width */
static int32_t tfg_fully_connected_cb_s8_per_byte_log2(int32_t bits)
{
    switch (bits) {
    case 1: return 3;
    case 2: return 2;
    case 4: return 1;
    case 8: return 0;
    default: return -1;
    }
}

tfg_status tfg_fully_connected_cb_s8(const int8_t *input, tfg_codebook filter, const int32_t *bias,
                                     int8_t *output,
                                     int32_t batches, int32_t accum_depth, int32_t out_depth,
                                     int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                     tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act)
{
    const int32_t lg = tfg_fully_connected_cb_s8_per_byte_log2(filter.bits);
    const uint32_t slot_mask = (1u << (lg < 0 ? 0 : lg)) - 1u;
    const uint32_t index_mask = (1u << (filter.bits & 15)) - 1u;
    int32_t b;
    if (batches < 0 || accum_depth < 0 || out_depth < 0 || lg < 0 || filter.stride < 0) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        const int8_t *x = input + (size_t)b * accum_depth;
        int8_t *out = output + (size_t)b * out_depth;
        int32_t oc;
        for (oc = 0; oc < out_depth; ++oc) {
            const int8_t *cb = filter.values + (size_t)oc * (size_t)filter.stride;
            const int32_t q = per_channel ? oc : 0;
            size_t i = (size_t)oc * (size_t)accum_depth;
            int32_t acc = 0;
            int32_t d = 0;
            if (filter.bits == 4 && (i & 1u) == 0) {
                /* two weights per index byte */
                const uint8_t *p = filter.indices + (i >> 1);
                for (; d + 2 <= accum_depth; d += 2, i += 2) {
                    const uint32_t v = *p++;
                    acc += ((int32_t)cb[v & 15u] + filter_offset) * ((int32_t)x[d] + input_offset);
                    acc += ((int32_t)cb[v >> 4] + filter_offset) * ((int32_t)x[d + 1] + input_offset);
                }
            } else if (filter.bits == 2 && (i & 3u) == 0) {
                /* four weights per index byte */
                const uint8_t *p = filter.indices + (i >> 2);
                for (; d + 4 <= accum_depth; d += 4, i += 4) {
                    const uint32_t v = *p++;
                    acc += ((int32_t)cb[v & 3u] + filter_offset) * ((int32_t)x[d] + input_offset);
                    acc += ((int32_t)cb[(v >> 2) & 3u] + filter_offset) * ((int32_t)x[d + 1] + input_offset);
                    acc += ((int32_t)cb[(v >> 4) & 3u] + filter_offset) * ((int32_t)x[d + 2] + input_offset);
                    acc += ((int32_t)cb[v >> 6] + filter_offset) * ((int32_t)x[d + 3] + input_offset);
                }
            }
            for (; d < accum_depth; ++d, ++i) {
                const uint32_t idx = ((uint32_t)filter.indices[i >> lg] >> ((i & slot_mask) * (uint32_t)filter.bits))
                                     & index_mask;
                acc += ((int32_t)cb[idx] + filter_offset) * ((int32_t)x[d] + input_offset);
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
