package io.tinyforge.refimpl;

/**
 * Optional interface for {@link OpParams} of operators whose output holds exactly the bytes of one input
 * (RESHAPE): the memory planner may place that output in the input's memory when the input is not used
 * afterwards, and the generated call then copies nothing.
 */
public interface AliasesInput {

    /** Tensor index of the input whose bytes the output repeats. */
    int aliasedInput();

    /** Tensor index of the output that repeats them. */
    int aliasedOutput();
}
