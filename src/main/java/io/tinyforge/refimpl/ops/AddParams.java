package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpParams;

/**
 * Prepared ADD (int8), TFLM's general rescaling: each input is offset by minus its zero point, shifted left by
 * {@code leftShift} (20) and scaled by its multiplier (s_i / 2max(s1,s2), shift &lt;= 0); the sum is scaled by
 * the output multiplier (2max(s1,s2) / (2^20 s_out)), offset by the output zero point and clamped to
 * [{@code actMin}, {@code actMax}].
 */
public record AddParams(Operator op, int input1, int input2, int output, BroadcastPlan plan, int input1Offset,
        int input1Multiplier, int input1Shift, int input2Offset, int input2Multiplier, int input2Shift,
        int leftShift, int outputOffset, int outputMultiplier, int outputShift, int actMin, int actMax,
        Rounding rounding) implements OpParams {
}
