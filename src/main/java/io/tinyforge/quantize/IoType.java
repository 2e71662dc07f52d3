package io.tinyforge.quantize;

/** The element type of a full-int8 model's inputs and outputs. */
public enum IoType {
    /** int8 inputs/outputs with the calibrated quantization (TFLite's inference_input_type=int8). */
    INT8,
    /** float32 inputs/outputs, QUANTIZE after each input and DEQUANTIZE before each output. */
    FLOAT
}
