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

/* ===== end recurrent ===== */

#endif /* TFG_NN_H */
