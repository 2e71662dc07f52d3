package io.tinyforge.ir;

/** FULLY_CONNECTED options. */
public record FullyConnectedOptions(Activation activation, boolean keepNumDims,
        boolean asymmetricQuantizeInputs) implements OpOptions {
}
