/*
 * tinyforge runtime: float32 AVERAGE_POOL_2D in TFLite's reference order (window clipped to the input; sum
 * and count in float, then one division); bit-identical to the Java Pool2DF32Kernel.
 */
#include "tfg_nn.h"

void tfg_avgpool_f32(const float *input, float *output, int32_t batches, int32_t in_h, int32_t in_w,
                     int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                     int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, tfg_activation_f32 act)
{
    int32_t b;
    float *out = output;
    for (b = 0; b < batches; ++b) {
        int32_t oy;
        for (oy = 0; oy < out_h; ++oy) {
            const int32_t y0 = oy * stride_h - pad_h;
            const int32_t fy_start = y0 < 0 ? -y0 : 0;
            const int32_t fy_end = filter_h < in_h - y0 ? filter_h : in_h - y0;
            int32_t ox;
            for (ox = 0; ox < out_w; ++ox) {
                const int32_t x0 = ox * stride_w - pad_w;
                const int32_t fx_start = x0 < 0 ? -x0 : 0;
                const int32_t fx_end = filter_w < in_w - x0 ? filter_w : in_w - x0;
                int32_t c;
                for (c = 0; c < channels; ++c) {
                    float total = 0.0f;
                    float count = 0.0f;
                    int32_t fy;
                    for (fy = fy_start; fy < fy_end; ++fy) {
                        int32_t fx;
                        for (fx = fx_start; fx < fx_end; ++fx) {
                            total += input[(((size_t)b * in_h + y0 + fy) * in_w + x0 + fx) * channels + c];
                            count += 1.0f;
                        }
                    }
                    *out++ = tfg_clamp_f32(total / count, act);
                }
            }
        }
    }
}
