package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/** A DEQUANTIZE from float16 to float32 (TFLite float16 quantization): {@code elements} exact widenings. */
public record DequantizeF16Params(Operator op, int input, int output, int elements) implements OpParams {
}
