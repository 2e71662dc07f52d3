/*
 * tinyforge runtime: dynamic-range FULLY_CONNECTED (float32 activations, int8 weights), TFLite EvalHybrid
 * semantics with symmetric or asymmetric input quantization (see tfg_float.h); bit-identical to the Java reference
 * FullyConnectedHybridKernel when compiled with -ffp-contract=off.
 */
#include "tfg_nn.h"

tfg_status tfg_fully_connected_hybrid_s8(const float *input, const int8_t *filter, const float *bias,
                                         float *output, int32_t batches, int32_t accum_depth, int32_t out_depth,
                                         const float *filter_scales, int32_t per_channel, int32_t asymmetric,
                                         tfg_activation_f32 act, void *scratch)
{
    int8_t *q = (int8_t *)scratch;
    int32_t b;
    if (batches < 0 || accum_depth <= 0 || out_depth < 0 || scratch == NULL) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        int32_t zp = 0;
        const float sf = asymmetric ? tfg_hybrid_quantize_asym_s8(input + (size_t)b * accum_depth, accum_depth, q, &zp)
                                    : tfg_hybrid_quantize_s8(input + (size_t)b * accum_depth, accum_depth, q);
        int32_t oc;
        for (oc = 0; oc < out_depth; ++oc) {
            const int8_t *w = filter + (size_t)oc * accum_depth;
            const float scale = sf * filter_scales[per_channel ? oc : 0];
            int32_t dot = 0;
            int32_t d;
            for (d = 0; d < accum_depth; ++d) {
                dot += (int32_t)w[d] * ((int32_t)q[d] - zp);
            }
            output[(size_t)b * out_depth + oc] =
                tfg_clamp_f32((bias != NULL ? bias[oc] : 0.0f) + (float)dot * scale, act);
        }
    }
    return TFG_OK;
}
