/*
 * tinyforge runtime: AVERAGE_POOL_2D int8 (NHWC), bit-exact with TFLM reference_integer_ops::AveragePool.
 * Four channels at a time with register accumulators (pointer walks, no per-element index arithmetic); with
 * the DSP extension and at most 256 taps per window, one word of four channels is summed by two SXTAB16 into
 * 16-bit lanes (256 * 128 fits), larger windows channel by channel.
 */
#include "tfg_fixedpoint.h"
#include "tfg_dsp.h"
#include "tfg_nn.h"

/*
 * TFG_AVGPOOL_TAIL (tfg_config.h, codegen.KernelPaths): 0 when every call has a multiple of four channels, at
 * most 256 taps per window and no empty window, so the channel-by-channel loop below is never reached and is
 * left out. Defaults to 1.
 */
#ifndef TFG_AVGPOOL_TAIL
#define TFG_AVGPOOL_TAIL 1
#endif

/* sum / count rounded half away from zero (C division truncates toward zero), clamped; out of line (size) */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int8_t tfg_avgpool_s8_out(int32_t sum, int32_t count, int32_t act_min, int32_t act_max)
{
    const int32_t avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
    return (int8_t)tfg_clamp(avg, act_min, act_max);
}

void tfg_avgpool_s8(const int8_t *input, int8_t *output, int32_t batches, int32_t in_h, int32_t in_w,
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
                const int32_t rows = fy_end - fy_start;
                const int32_t cols = fx_end - fx_start;
                const int32_t count = rows * cols;
                const int8_t *first = input + ((b * in_h + y0 + fy_start) * in_w + x0 + fx_start) * channels;
                const int32_t row_skip = (in_w - cols) * channels; /* from past a window row to the next */
                c = 0;
                if (count > 0) {
#if TFG_HAS_DSP
                    if (count <= 256) {
                        for (; c + 4 <= channels; c += 4) {
                            const int8_t *x = first + c;
                            int32_t even = 0; /* channels c, c + 2 in 16-bit lanes */
                            int32_t odd = 0;  /* channels c + 1, c + 3 */
                            for (fy = 0; fy < rows; fy++) {
                                for (fx = 0; fx < cols; fx++) {
                                    const int32_t v = tfg_ld32(x);
                                    even = tfg_sxtab16(even, v);
                                    odd = tfg_sxtab16_ror8(odd, v);
                                    x += channels;
                                }
                                x += row_skip;
                            }
                            output[c] = tfg_avgpool_s8_out((int16_t)(even & 0xFFFF), count, act_min, act_max);
                            output[c + 1] = tfg_avgpool_s8_out((int16_t)(odd & 0xFFFF), count, act_min, act_max);
                            output[c + 2] = tfg_avgpool_s8_out(even >> 16, count, act_min, act_max);
                            output[c + 3] = tfg_avgpool_s8_out(odd >> 16, count, act_min, act_max);
                        }
                    }
#else
                    for (; c + 4 <= channels; c += 4) {
                        const int8_t *x = first + c;
                        int32_t s0 = 0;
                        int32_t s1 = 0;
                        int32_t s2 = 0;
                        int32_t s3 = 0;
                        for (fy = 0; fy < rows; fy++) {
                            for (fx = 0; fx < cols; fx++) {
                                s0 += x[0];
                                s1 += x[1];
                                s2 += x[2];
                                s3 += x[3];
                                x += channels;
                            }
                            x += row_skip;
                        }
                        output[c] = tfg_avgpool_s8_out(s0, count, act_min, act_max);
                        output[c + 1] = tfg_avgpool_s8_out(s1, count, act_min, act_max);
                        output[c + 2] = tfg_avgpool_s8_out(s2, count, act_min, act_max);
                        output[c + 3] = tfg_avgpool_s8_out(s3, count, act_min, act_max);
                    }
#endif
                }
#if TFG_AVGPOOL_TAIL
                for (; c < channels; c++) {
                    const int8_t *x = first + c;
                    int32_t sum = 0;
                    for (fy = 0; fy < rows; fy++) {
                        for (fx = 0; fx < cols; fx++) {
                            sum += *x;
                            x += channels;
                        }
                        x += row_skip;
                    }
                    /* an empty window (count 0; TFLM rejects it) gives 0, clamped */
                    output[c] = count > 0 ? tfg_avgpool_s8_out(sum, count, act_min, act_max)
                                          : (int8_t)tfg_clamp(0, act_min, act_max);
                }
#endif
                output += channels;
            }
        }
    }
}
