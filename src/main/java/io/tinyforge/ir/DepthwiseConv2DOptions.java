package io.tinyforge.ir;

/** DEPTHWISE_CONV_2D options. */
public record DepthwiseConv2DOptions(Padding padding, int strideW, int strideH, int depthMultiplier,
        int dilationW, int dilationH, Activation activation) implements OpOptions {
}
