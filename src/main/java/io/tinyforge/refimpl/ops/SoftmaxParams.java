package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared SOFTMAX over the innermost dimension, as TFLM's {@code CalculateSoftmaxParams}: int8 input with int8
 * (scale 1/256, zp -128) or int16 (scale 1/65536, zp -32768) output, or int16 input and output (scale 1/32768,
 * zp 0; table based).
 *
 * @param input            input tensor index
 * @param output           output tensor index
 * @param inputType        INT8 or INT16
 * @param outputType       INT8 or INT16
 * @param rows             product of all dimensions but the innermost
 * @param depth            innermost dimension (the softmax axis)
 * @param inputMultiplier  int8 input: Q0.31 multiplier of beta * input_scale * 2^26
 *                         ({@code PreprocessSoftmaxScaling}); int16 input: of beta * input_scale * 65535 / 10
 * @param inputLeftShift   its shift (int8 input: a left shift &gt;= 0; int16: positive is a left shift)
 * @param diffMin          int8 input: most negative (x - row max) that still contributes; smaller ones give the
 *                         minimum output value (unused for int16)
 * @param luts             the int16 softmax tables, null for int8 input
 * @param rounding         rounding of the input rescale (single rounding changes the multiplier cap too)
 */
public record SoftmaxParams(Operator op, int input, int output, DType inputType, DType outputType, int rows,
        int depth, int inputMultiplier, int inputLeftShift, int diffMin, SoftmaxLuts luts, Rounding rounding)
        implements OpParams {
}
