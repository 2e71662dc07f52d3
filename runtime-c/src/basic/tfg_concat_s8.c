/*
 * tinyforge runtime: CONCATENATION int8, a plain copy as TFLM evaluates it (no requantization).
 */
#include <string.h>
#include "tfg_nn.h"

void tfg_concat_s8(const int8_t *const *inputs, const int32_t *copy_sizes, int32_t num_inputs,
                   int32_t outer_size, int8_t *output)
{
    int32_t k, i;
    for (k = 0; k < outer_size; k++) {
        for (i = 0; i < num_inputs; i++) {
            memcpy(output, inputs[i] + (size_t)k * (size_t)copy_sizes[i], (size_t)copy_sizes[i]);
            output += copy_sizes[i];
        }
    }
}
