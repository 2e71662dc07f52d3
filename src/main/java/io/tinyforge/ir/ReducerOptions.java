package io.tinyforge.ir;

/** MEAN (and other reductions) options; the axes come from the second input. */
public record ReducerOptions(boolean keepDims) implements OpOptions {
}
