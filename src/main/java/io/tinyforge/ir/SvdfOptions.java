package io.tinyforge.ir;

/** SVDF options. */
public record SvdfOptions(int rank, Activation activation, boolean asymmetricQuantizeInputs)
        implements OpOptions {
}
