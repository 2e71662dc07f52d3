/*
 * tinyforge runtime: int8 FULLY_CONNECTED with entropy-coded sparse weights (tfg_sparse_coded, docs/PRUNING.md).
 * The arithmetic is that of tfg_fully_connected_s8 (TFLM reference/integer_ops/fully_connected.h) with
 * filter_offset 0: only the non-zero weights are multiplied, so skipped zeros leave the int32 sum, and the output,
 * unchanged. Each batch row decodes the stream once, output channel by output channel.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"
#include "tfg_sparse_coded.h"

tfg_status tfg_fully_connected_spc_s8(const int8_t *input, tfg_sparse_coded filter, const int32_t *bias,
                                      int8_t *output,
                                      int32_t batches, int32_t accum_depth, int32_t out_depth,
                                      int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                      tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act)
{
    int32_t b;
    if (batches < 0 || accum_depth < 0 || out_depth < 0 || filter_offset != 0 || filter.bits == NULL
        || filter.table == NULL || filter.symbols == NULL) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        const int8_t *x = input + (size_t)b * accum_depth;
        int8_t *out = output + (size_t)b * out_depth;
        tfg_spc_state s;
        int32_t oc;
        s.bit = 0u;
        s.prev = -1;
        for (oc = 0; oc < out_depth; ++oc) {
            const int32_t q = per_channel ? oc : 0;
            const int32_t row0 = oc * accum_depth;
            int32_t acc = 0;
            int32_t at;
            int32_t w;
            while (tfg_spc_next(&filter, &s, row0 + accum_depth, &at, &w)) {
                acc += w * ((int32_t)x[at - row0] + input_offset);
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
