/*
 * tinyforge runtime: float32 FULLY_CONNECTED with weights read through a float codebook (clustered models);
 * same order as tfg_fully_connected_f32, so bit-identical to the Java reference FullyConnectedF32Kernel on the
 * decoded filter when compiled with -ffp-contract=off.
 */
#include "tfg_nn.h"

tfg_status tfg_fully_connected_cb_f32(const float *input, tfg_codebook_f32 filter, const float *bias,
                                      float *output, int32_t batches, int32_t accum_depth, int32_t out_depth,
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
            const size_t w = (size_t)oc * (size_t)accum_depth;
            const int32_t book = filter.stride != 0 ? oc : 0;
            float total = 0.0f;
            int32_t d;
            for (d = 0; d < accum_depth; ++d) {
                total += x[d] * tfg_codebook_f32_at(&filter, book, w + (size_t)d);
            }
            output[(size_t)b * out_depth + oc] = tfg_clamp_f32(total + (bias != NULL ? bias[oc] : 0.0f), act);
        }
    }
    return TFG_OK;
}
