package io.tinyforge.codegen.view;

/**
 * Consecutive operators whose calls are all row calls, run by one loop over the step table: steps
 * {@code [first, last)}, the first of them being operator {@code op0}.
 */
public record StepRunView(int first, int last, int op0) {
}
