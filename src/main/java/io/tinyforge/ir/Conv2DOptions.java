package io.tinyforge.ir;

/** CONV_2D options. */
public record Conv2DOptions(Padding padding, int strideW, int strideH, int dilationW, int dilationH,
        Activation activation) implements OpOptions {
}
