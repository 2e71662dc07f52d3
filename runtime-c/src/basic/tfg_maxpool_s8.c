/*
 * tinyforge runtime: MAX_POOL_2D int8 (NHWC), bit-exact with TFLM reference_integer_ops::MaxPool.
 */
#include "tfg_fixedpoint.h"
#include "tfg_nn.h"

void tfg_maxpool_s8(const int8_t *input, int8_t *output, int32_t batches, int32_t in_h, int32_t in_w,
                    int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                    int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, int32_t act_min,
                    int32_t act_max)
{
    int32_t b, oy, ox, c, fy, fx;
    for (b = 0; b < batches; b++) {
        for (oy = 0; oy < out_h; oy++) {
            const int32_t y0 = oy * stride_h - pad_h;
            const int32_t fy_start = y0 < 0 ? -y0 : 0;
            const int32_t fy_end = filter_h < in_h - y0 ? filter_h : in_h - y0;
            for (ox = 0; ox < out_w; ox++) {
                const int32_t x0 = ox * stride_w - pad_w;
                const int32_t fx_start = x0 < 0 ? -x0 : 0;
                const int32_t fx_end = filter_w < in_w - x0 ? filter_w : in_w - x0;
                for (c = 0; c < channels; c++) {
                    int32_t max = -128;
                    for (fy = fy_start; fy < fy_end; fy++) {
                        const int8_t *row = input + ((b * in_h + y0 + fy) * in_w + x0) * channels + c;
                        for (fx = fx_start; fx < fx_end; fx++) {
                            if (row[fx * channels] > max) {
                                max = row[fx * channels];
                            }
                        }
                    }
                    *output++ = (int8_t)tfg_clamp(max, act_min, act_max);
                }
            }
        }
    }
}
