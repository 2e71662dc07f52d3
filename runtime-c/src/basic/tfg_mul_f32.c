/*
 * tinyforge runtime: float32 MUL, clamp(a * b) per output element in output order, over the 6-D broadcast
 * walk planned by the generator (stride 0 on broadcast dimensions); bit-identical to the Java BinaryF32Kernel.
 */
#include "tfg_nn.h"

void tfg_mul_f32(const float *input1, const float *input2, float *output, const int32_t *dims,
                 const int32_t *strides1, const int32_t *strides2, tfg_activation_f32 act)
{
    int32_t i[6];
    float *out = output;
    for (i[0] = 0; i[0] < dims[0]; ++i[0]) {
        for (i[1] = 0; i[1] < dims[1]; ++i[1]) {
            for (i[2] = 0; i[2] < dims[2]; ++i[2]) {
                for (i[3] = 0; i[3] < dims[3]; ++i[3]) {
                    for (i[4] = 0; i[4] < dims[4]; ++i[4]) {
                        for (i[5] = 0; i[5] < dims[5]; ++i[5]) {
                            int32_t a = 0;
                            int32_t b = 0;
                            int32_t k;
                            for (k = 0; k < 6; ++k) {
                                a += i[k] * strides1[k];
                                b += i[k] * strides2[k];
                            }
                            *out++ = tfg_clamp_f32(input1[a] * input2[b], act);
                        }
                    }
                }
            }
        }
    }
}
