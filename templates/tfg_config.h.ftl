<#include "header.ftl">
#ifndef TFG_CONFIG_H
#define TFG_CONFIG_H

/* 1: TFLite single-rounding rescaling (TFLITE_SINGLE_ROUNDING); 0: double rounding, as TFLM and CMSIS-NN. */
#define TFG_SINGLE_ROUNDING ${singleRounding?then(1, 0)}

#endif /* TFG_CONFIG_H */
