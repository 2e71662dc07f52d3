/*
 * tinyforge runtime: PAD float32 with constant paddings and a float pad value (TFLM reference_ops::Pad), shapes extended to 5-D.
 */
#include "tfg_nn.h"

void tfg_pad_f32(const float *input, float *output, const int32_t *in_dims, const int32_t *out_dims,
                 const int32_t *before, float pad_value)
{
    int32_t i0, i1, i2, i3, i4;
    for (i0 = 0; i0 < out_dims[0]; i0++) {
        const int32_t x0 = i0 - before[0];
        for (i1 = 0; i1 < out_dims[1]; i1++) {
            const int32_t x1 = i1 - before[1];
            for (i2 = 0; i2 < out_dims[2]; i2++) {
                const int32_t x2 = i2 - before[2];
                for (i3 = 0; i3 < out_dims[3]; i3++) {
                    const int32_t x3 = i3 - before[3];
                    const int inside = x0 >= 0 && x0 < in_dims[0] && x1 >= 0 && x1 < in_dims[1] && x2 >= 0
                        && x2 < in_dims[2] && x3 >= 0 && x3 < in_dims[3];
                    const int32_t base = (((x0 * in_dims[1] + x1) * in_dims[2] + x2) * in_dims[3] + x3) * in_dims[4];
                    for (i4 = 0; i4 < out_dims[4]; i4++) {
                        const int32_t x4 = i4 - before[4];
                        *output++ = inside && x4 >= 0 && x4 < in_dims[4] ? input[base + x4] : pad_value;
                    }
                }
            }
        }
    }
}
