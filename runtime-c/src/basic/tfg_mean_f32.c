/*
 * tinyforge runtime: MEAN float32 (TFLM reference Mean): for each output element, the input elements of the
 * reduced dimensions are summed in float in input order, then divided by count as a float. Dims/strides as
 * tfg_mean_s8; bit-identical to the Java ShapeOpF32Kernel.
 */
#include "tfg_nn.h"

void tfg_mean_f32(const float *input, float *output, const int32_t *kept_dims, const int32_t *kept_strides,
                  int32_t kept_rank, const int32_t *reduced_dims, const int32_t *reduced_strides,
                  int32_t reduced_rank, int32_t count)
{
    int32_t kept_index[TFG_MEAN_MAX_RANK] = {0};
    int32_t base = 0;
    int32_t out_count = 1;
    int32_t o;
    int32_t i;
    for (i = 0; i < kept_rank; i++) {
        out_count *= kept_dims[i];
    }
    for (o = 0; o < out_count; o++) {
        int32_t red_index[TFG_MEAN_MAX_RANK] = {0};
        int32_t off = base;
        float sum = 0.0f;
        int32_t r;
        for (r = 0; r < count; r++) {
            sum += input[off];
            for (i = reduced_rank - 1; i >= 0; i--) {
                off += reduced_strides[i];
                if (++red_index[i] < reduced_dims[i]) {
                    break;
                }
                off -= reduced_strides[i] * reduced_dims[i];
                red_index[i] = 0;
            }
        }
        output[o] = sum / (float)count;
        for (i = kept_rank - 1; i >= 0; i--) {
            base += kept_strides[i];
            if (++kept_index[i] < kept_dims[i]) {
                break;
            }
            base -= kept_strides[i] * kept_dims[i];
            kept_index[i] = 0;
        }
    }
}
