package io.tinyforge.ir;

/** Fused activation functions (TFLite ActivationFunctionType). */
public enum Activation {
    NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT
}
