package io.tinyforge.refimpl.ops;

/**
 * The two tables of TFLM's int16 softmax ({@link io.tinyforge.fixedpoint.Int16Lut} layout, 513 entries each):
 * exp(x) for x in [-10, 0] and 1 / (1 + x) for x in [0, 1], both as Q0.15 outputs.
 */
public record SoftmaxLuts(short[] exp, short[] oneOverOnePlusX) {
}
