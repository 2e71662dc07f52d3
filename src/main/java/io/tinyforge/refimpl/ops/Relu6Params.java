package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared RELU6 (int8), TFLM {@code Relu6Quantized}: a clamp of the raw input to [{@code lower},
 * {@code upper}] = [zp_in, quantized 6.0], computed with the input's scale and zero point.
 */
public record Relu6Params(Operator op, int input, int output, int size, int lower, int upper) implements OpParams {
}
