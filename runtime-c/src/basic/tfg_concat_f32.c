/*
 * tinyforge runtime: CONCATENATION float32, a plain copy as TFLM evaluates it (no requantization).
 */
#include <string.h>
#include "tfg_nn.h"

void tfg_concat_f32(const float *const *inputs, const int32_t *copy_sizes, int32_t num_inputs,
                    int32_t outer_size, float *output)
{
    int32_t k, i;
    for (k = 0; k < outer_size; k++) {
        for (i = 0; i < num_inputs; i++) {
            memcpy(output, inputs[i] + (size_t)k * (size_t)copy_sizes[i], (size_t)copy_sizes[i] * sizeof(float));
            output += copy_sizes[i];
        }
    }
}
