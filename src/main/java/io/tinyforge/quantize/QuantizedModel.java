package io.tinyforge.quantize;

import io.tinyforge.ir.Graph;

/**
 * The result of a quantization pass: the quantized graph, the float graph it came from after graph passes
 * (tensor i of {@code floatGraph} is tensor i of {@code quantized}; added tensors come after), and the
 * calibrated ranges by tensor index (null where not calibrated, or for weight-only modes).
 */
public record QuantizedModel(Graph quantized, Graph floatGraph, Range[] ranges) {
}
