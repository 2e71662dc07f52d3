package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared MUL (int8): the product of the offset inputs is rescaled by s1*s2/s_out
 * ({@code outputMultiplier}, {@code outputShift}, shift &gt; 0 = left), offset by the output zero point and
 * clamped to [{@code actMin}, {@code actMax}].
 */
public record MulParams(Operator op, int input1, int input2, int output, BroadcastPlan plan, int input1Offset,
        int input2Offset, int outputOffset, int outputMultiplier, int outputShift, int actMin, int actMax,
        Rounding rounding) implements OpParams {
}
