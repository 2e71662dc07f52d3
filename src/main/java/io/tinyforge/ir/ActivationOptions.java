package io.tinyforge.ir;

/** Options of element-wise binary operators (ADD, MUL) that carry only a fused activation. */
public record ActivationOptions(Activation activation) implements OpOptions {
}
