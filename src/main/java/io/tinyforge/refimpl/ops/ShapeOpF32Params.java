package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * A float32 PAD, CONCATENATION or MEAN: the geometry record the int8 kernel prepared on the operator's int8
 * shadow ({@link PadParams}, {@link ConcatenationParams} or {@link MeanParams}; only its shape fields are
 * meaningful) plus, for PAD, the float pad value.
 */
public record ShapeOpF32Params(Operator op, OpParams geometry, float padValue) implements OpParams {
}
