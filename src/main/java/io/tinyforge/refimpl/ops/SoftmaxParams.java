package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared SOFTMAX over the innermost dimension, int8 input, int8 (scale 1/256, zp -128) or int16 (scale
 * 1/65536, zp -32768) output, as TFLM's {@code CalculateSoftmaxParams}.
 *
 * @param input            input tensor index (int8)
 * @param output           output tensor index
 * @param outputType       INT8 or INT16
 * @param rows             product of all dimensions but the innermost
 * @param depth            innermost dimension (the softmax axis)
 * @param inputMultiplier  Q0.31 multiplier of beta * input_scale * 2^26 ({@code PreprocessSoftmaxScaling})
 * @param inputLeftShift   its left shift, &gt;= 0
 * @param diffMin          most negative (x - row max) that still contributes; smaller ones give the minimum
 *                         output value
 * @param rounding         rounding of the input rescale (single rounding changes the multiplier cap too)
 */
public record SoftmaxParams(Operator op, int input, int output, DType outputType, int rows, int depth,
        int inputMultiplier, int inputLeftShift, int diffMin, Rounding rounding) implements OpParams {
}
