/*
 * tinyforge runtime: kernel prototypes. Layouts are NHWC for activations; filters are OHWI for CONV_2D,
 * 1HWO for DEPTHWISE_CONV_2D and [out][in] for FULLY_CONNECTED, exactly as stored in the .tflite file.
 * One function per file under src/<category>/, named after the function.
 */
#ifndef TFG_NN_H
#define TFG_NN_H

#include "tfg_types.h"

/* ===== convolution and fully connected (conv/) ===== */

/* ===== end convolution ===== */



/* ===== pooling, element-wise, shape and (de)quantize ops (basic/) ===== */

/*
 * Pooling (NHWC int8). The window of output (oy, ox) starts at (oy*stride_h - pad_h, ox*stride_w - pad_w) and
 * is clipped to the input; input and output share scale and zero point. act_min/act_max: inclusive clamp in
 * output units. avgpool: sum of the valid taps / their count, rounded half away from zero.
 */
void tfg_avgpool_s8(const int8_t *input, int8_t *output, int32_t batches, int32_t in_h, int32_t in_w,
                    int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                    int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, int32_t act_min,
                    int32_t act_max);
void tfg_maxpool_s8(const int8_t *input, int8_t *output, int32_t batches, int32_t in_h, int32_t in_w,
                    int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                    int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, int32_t act_min,
                    int32_t act_max);

/*
 * ADD int8. dims == NULL: flat element-wise over size elements. Otherwise TFLM's broadcast: dims are the
 * output extended to 6-D (C order) and strides1/strides2 the element strides of each input per output
 * dimension (0 where the input has extent 1); size is then unused. *_offset of inputs = -zero point,
 * output_offset = +zero point; every multiplier/shift pair is real = m * 2^(shift-31) with shift <= 0;
 * left_shift is 20.
 */
void tfg_add_s8(const int8_t *input1, const int8_t *input2, int8_t *output, int32_t size, const int32_t *dims,
                const int32_t *strides1, const int32_t *strides2, int32_t input1_offset,
                int32_t input1_multiplier, int32_t input1_shift, int32_t input2_offset,
                int32_t input2_multiplier, int32_t input2_shift, int32_t left_shift, int32_t output_offset,
                int32_t output_multiplier, int32_t output_shift, int32_t act_min, int32_t act_max);

/*
 * MUL int8: out = clamp(output_offset + MBQM((x + input1_offset) * (y + input2_offset), multiplier, shift)).
 * dims/strides as for tfg_add_s8 (NULL dims = flat).
 */
void tfg_mul_s8(const int8_t *input1, const int8_t *input2, int8_t *output, int32_t size, const int32_t *dims,
                const int32_t *strides1, const int32_t *strides2, int32_t input1_offset, int32_t input2_offset,
                int32_t output_offset, int32_t output_multiplier, int32_t output_shift, int32_t act_min,
                int32_t act_max);

/* PAD int8: in_dims, out_dims, before: 5 entries each (shapes left-padded with 1, paddings with 0). */
void tfg_pad_s8(const int8_t *input, int8_t *output, const int32_t *in_dims, const int32_t *out_dims,
                const int32_t *before, int8_t pad_value);

/*
 * CONCATENATION int8 (plain copy): for each of outer_size blocks, copy_sizes[i] bytes of inputs[i] in order.
 */
void tfg_concat_s8(const int8_t *const *inputs, const int32_t *copy_sizes, int32_t num_inputs,
                   int32_t outer_size, int8_t *output);

/* Largest number of kept or reduced dimensions tfg_mean_s8 accepts. */
#define TFG_MEAN_MAX_RANK 6

/*
 * MEAN int8. Output element o (kept dims, row-major) sums input[base + reduced offset] over count elements,
 * where base and offsets are element strides into the input (kept and reduced arrays, at most TFG_MEAN_MAX_RANK
 * entries, at least 1); out = clamp(MBQM(sum - count * input_zero_point) + output_zero_point), with the
 * multiplier already including 1/count.
 */
void tfg_mean_s8(const int8_t *input, int8_t *output, const int32_t *kept_dims, const int32_t *kept_strides,
                 int32_t kept_rank, const int32_t *reduced_dims, const int32_t *reduced_strides,
                 int32_t reduced_rank, int32_t count, int32_t input_zero_point, int32_t output_zero_point,
                 int32_t multiplier, int32_t shift);

/* RELU int8: out = clamp(output_zero_point + MBQM(x - input_zero_point)), act_min = max(-128, zp_out). */
void tfg_relu_s8(const int8_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                 int32_t output_zero_point, int32_t multiplier, int32_t shift, int32_t act_min, int32_t act_max);

/* RELU6 int8: out = clamp(x, lower, upper) with lower = zp, upper = quantized 6.0 (input quantization). */
void tfg_relu6_s8(const int8_t *input, int8_t *output, int32_t size, int8_t lower, int8_t upper);

/*
 * QUANTIZE between integer types: out = MBQM(x - input_zero_point, multiplier, shift) + output_zero_point,
 * saturated to int8/int16; the int32 output wraps like int32 arithmetic.
 */
void tfg_requantize_s8_s8(const int8_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                          int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s8_s16(const int8_t *input, int16_t *output, int32_t size, int32_t input_zero_point,
                           int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s8_s32(const int8_t *input, int32_t *output, int32_t size, int32_t input_zero_point,
                           int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s16_s8(const int16_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                           int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s16_s16(const int16_t *input, int16_t *output, int32_t size, int32_t input_zero_point,
                            int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s16_s32(const int16_t *input, int32_t *output, int32_t size, int32_t input_zero_point,
                            int32_t output_zero_point, int32_t multiplier, int32_t shift);

/* QUANTIZE float32 -> int8/int16 (float kernels): saturate(roundf(x / scale) + zero_point), NaN -> lowest. */
void tfg_quantize_f32_s8(const float *input, int8_t *output, int32_t size, float scale, int32_t zero_point);
void tfg_quantize_f32_s16(const float *input, int16_t *output, int32_t size, float scale, int32_t zero_point);

/* DEQUANTIZE int8/int16 -> float32 (float kernels): scale * (float)(q - zero_point). */
void tfg_dequantize_s8_f32(const int8_t *input, float *output, int32_t size, float scale, int32_t zero_point);
void tfg_dequantize_s16_f32(const int16_t *input, float *output, int32_t size, float scale, int32_t zero_point);

/* ===== end basic ===== */



/* ===== softmax, logistic, tanh (activation/) ===== */

/* ===== end activation ===== */



/* ===== SVDF and LSTM (recurrent/) ===== */

/* ===== end recurrent ===== */

#endif /* TFG_NN_H */
