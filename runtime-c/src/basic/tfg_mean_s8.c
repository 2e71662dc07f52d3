/*
 * tinyforge runtime: MEAN int8 (TFLM reference_ops::QuantizedMeanOrSum, mean): int32 sums over the reduced
 * dimensions, zero point removed, one rescale that already includes 1/count.
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_mean_s8(const int8_t *input, int8_t *output, const int32_t *kept_dims, const int32_t *kept_strides,
                 int32_t kept_rank, const int32_t *reduced_dims, const int32_t *reduced_strides,
                 int32_t reduced_rank, int32_t count, int32_t input_zero_point, int32_t output_zero_point,
                 int32_t multiplier, int32_t shift)
{
    int32_t kept_index[TFG_MEAN_MAX_RANK] = {0};
    int32_t base = 0;
    int32_t out_count = 1;
    int32_t o, i;
    for (i = 0; i < kept_rank; i++) {
        out_count *= kept_dims[i];
    }
    for (o = 0; o < out_count; o++) {
        int32_t red_index[TFG_MEAN_MAX_RANK] = {0};
        int32_t off = base;
        int32_t sum = 0;
        int32_t r, v;
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
        v = tfg_mbqm((int32_t)((int64_t)sum - (int64_t)input_zero_point * count), multiplier, shift)
            + output_zero_point;
        output[o] = (int8_t)tfg_clamp(v, -128, 127);
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
