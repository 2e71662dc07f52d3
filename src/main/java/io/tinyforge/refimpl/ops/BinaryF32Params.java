package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.OpParams;

/**
 * A float32 ADD or MUL ({@code function}), prepared: how the two inputs are walked (flat, or TFLM's 6-D
 * broadcast with stride 0 on size-1 dimensions) and the fused activation's float clamp range.
 */
public record BinaryF32Params(Operator op, OpType function, int input1, int input2, int output,
        BroadcastPlan plan, float actMin, float actMax) implements OpParams {
}
