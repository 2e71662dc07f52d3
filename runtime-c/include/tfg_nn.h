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

/* ===== end basic ===== */



/* ===== softmax, logistic, tanh (activation/) ===== */

/**
 * Softmax over the innermost dimension of an int8 tensor viewed as rows x depth (C order), output int8
 * with scale 1/256 and zero point -128, bit-exact with TFLM's reference kernel. input_multiplier (Q0.31)
 * and input_left_shift (>= 0) encode beta * input_scale * 2^26 (TFLite PreprocessSoftmaxScaling); entries
 * with x - row_max < diff_min (a negative number) get -128. depth <= 511 keeps TFLM's exponent check true;
 * longer rows are computed with the exponent clamped to 31 where TFLM would abort. input and output may not
 * overlap.
 */
void tfg_softmax_s8(const int8_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                    int32_t input_left_shift, int32_t diff_min, int8_t *output);

/**
 * As tfg_softmax_s8 with int16 output of scale 1/65536 and zero point -32768 (TFLM's int8-in, int16-out
 * softmax).
 */
void tfg_softmax_s8_s16(const int8_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                        int32_t input_left_shift, int32_t diff_min, int16_t *output);

/**
 * Element-wise logistic of size int8 values, output scale 1/256 and zero point -128, bit-exact with TFLM's
 * reference kernel. x - input_zero_point at or beyond +-input_range_radius saturates to 127 / -128;
 * otherwise it is rescaled to Q4.27 by input_multiplier (Q0.31) and input_shift (> 0 is a left shift).
 * input and output may be the same buffer.
 */
void tfg_logistic_s8(const int8_t *input, int32_t size, int32_t input_zero_point, int32_t input_range_radius,
                     int32_t input_multiplier, int32_t input_shift, int8_t *output);

/**
 * Element-wise tanh of size int8 values, output scale 1/128 and zero point 0, bit-exact with TFLM's
 * reference kernel; parameters as for tfg_logistic_s8. input and output may be the same buffer.
 */
void tfg_tanh_s8(const int8_t *input, int32_t size, int32_t input_zero_point, int32_t input_range_radius,
                 int32_t input_multiplier, int32_t input_shift, int8_t *output);

/* ===== end activation ===== */



/* ===== SVDF and LSTM (recurrent/) ===== */

/* ===== end recurrent ===== */

#endif /* TFG_NN_H */
