/*
 * tinyforge runtime: float32 FULLY_CONNECTED with IEEE half weights (widened exactly, so equal to
 * DEQUANTIZE + float32 FULLY_CONNECTED) in TFLite's reference order (see tfg_float.h); bit-identical to
 * the Java reference FullyConnectedF32Kernel when compiled with -ffp-contract=off.
 */
#include "tfg_nn.h"

tfg_status tfg_fully_connected_f16w_f32(const float *input, const uint16_t *filter, const float *bias,
                                        float *output,
                                        int32_t batches, int32_t accum_depth, int32_t out_depth,
                                        tfg_activation_f32 act)
{
    int32_t b;
    if (batches < 0 || accum_depth < 0 || out_depth < 0) {
        return TFG_ERROR;
    }
    for (b = 0; b < batches; ++b) {
        const float *x = input + (size_t)b * accum_depth;
        int32_t oc;
        for (oc = 0; oc < out_depth; ++oc) {
            const uint16_t *w = filter + (size_t)oc * accum_depth;
            float total = 0.0f;
            int32_t d;
            for (d = 0; d < accum_depth; ++d) {
                total += x[d] * tfg_f16_to_f32(w[d]);
            }
            output[(size_t)b * out_depth + oc] = tfg_clamp_f32(total + (bias != NULL ? bias[oc] : 0.0f), act);
        }
    }
    return TFG_OK;
}
