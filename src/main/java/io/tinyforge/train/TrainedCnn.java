package io.tinyforge.train;

import java.util.List;

/**
 * The float weights of a trained CNN, already in TensorFlow Lite layout: convolution filters OHWI
 * ({@code [out, kh, kw, in]}), dense weights {@code [units, inputs]}; pools carry no weights. The input is one
 * {@code height × width × channels} NHWC image with values in [0, 1].
 */
public record TrainedCnn(ArchSpec arch, int height, int width, int channels, List<LayerWeights> layers) {

    /** One layer's weights ({@code null} arrays for a pool). */
    public record LayerWeights(ArchSpec.Layer layer, int[] weightShape, float[] weights, float[] bias) {
    }

    public TrainedCnn {
        layers = List.copyOf(layers);
    }

    /** The number of trainable parameters. */
    public long parameters() {
        long n = 0;
        for (LayerWeights l : layers) {
            if (l.weights() != null) {
                n += l.weights().length + l.bias().length;
            }
        }
        return n;
    }
}
