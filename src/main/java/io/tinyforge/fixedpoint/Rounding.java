package io.tinyforge.fixedpoint;

/**
 * How a 32-bit accumulator is rescaled by a quantized multiplier. {@link #DOUBLE} is TensorFlow Lite Micro's
 * and CMSIS-NN's default (a rounding doubling high multiply followed by a rounding right shift);
 * {@link #SINGLE} is TFLite's {@code TFLITE_SINGLE_ROUNDING} variant (one 64-bit rounding shift).
 */
public enum Rounding {
    DOUBLE, SINGLE
}
