package io.tinyforge.ir;

/** SOFTMAX options. */
public record SoftmaxOptions(float beta) implements OpOptions {
}
