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

/* ===== end activation ===== */



/* ===== SVDF and LSTM (recurrent/) ===== */

#include "tfg_recurrent.h"

/**
 * SVDF, int8 (TFLM EvalIntegerSvdfReference<int8_t>). input [batches][input_size]; weights_feature
 * [num_filters][input_size]; weights_time [num_filters][memory_size]; bias [num_filters / rank] or NULL;
 * state [batches][num_filters][memory_size], oldest first, read and updated in place (reset: all bytes =
 * state_zero_point); output [batches][num_filters / rank]. scratch: tfg_svdf_s8_scratch_size(p) bytes,
 * 4-byte aligned. The fused activation is not applied (as TFLM's integer SVDF); outputs clamp to int8.
 */
tfg_status tfg_svdf_s8(const tfg_svdf_params *p, const int8_t *input, const int8_t *weights_feature,
                       const int8_t *weights_time, const int32_t *bias, int8_t *state, int8_t *output,
                       void *scratch);

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations and weights, int32 biases, int16 cell state (TFLM
 * EvalLstm<int8_t, int8_t, int16_t, int32_t>; no CIFG, peephole, projection or layer norm). input
 * [batches][time_steps][input_size] ([time_steps][batches][input_size] when time_major); output the same with
 * state_size as the last dim; hidden_state [batches][state_size] int8 and cell_state [batches][state_size]
 * int16 are read and updated in place (reset: hidden = its zero point, cell = 0). scratch:
 * tfg_lstm_s8_scratch_size(p) bytes, 2-byte aligned.
 */
tfg_status tfg_lstm_s8(const tfg_lstm_params *p, const int8_t *input, int8_t *hidden_state,
                       int16_t *cell_state, int8_t *output, void *scratch);

/* ===== end recurrent ===== */

#endif /* TFG_NN_H */
