package io.tinyforge.ir;

/** CONCATENATION options. */
public record ConcatenationOptions(int axis, Activation activation) implements OpOptions {
}
