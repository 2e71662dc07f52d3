package io.tinyforge.ir;

/** AVERAGE_POOL_2D / MAX_POOL_2D options. */
public record Pool2DOptions(Padding padding, int strideW, int strideH, int filterW, int filterH,
        Activation activation) implements OpOptions {
}
