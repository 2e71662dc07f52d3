package io.tinyforge.memory;

import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.OpParams;

/**
 * Whether an operator's kernel can write its output over one of its inputs from the same start address, and
 * what it then needs. The planner applies it only when that input dies at the operator (see {@link Lifetimes}).
 */
public interface InPlaceRule {

    /** The in-place form of the operator prepared as {@code params} in {@code graph}, or null when its kernel cannot. */
    InPlace apply(OpParams params, Graph graph);
}
