package io.tinyforge.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The names and output shapes of an {@link ArchSpec}'s layers, as {@code --feature-layer} refers to them: the
 * N-th convolution (its ReLU output) is {@code convN}, the N-th pool {@code poolN}, the N-th hidden dense layer
 * (ReLU output) {@code denseN}, all counted from 1 in spec order; the last dense layer is {@code logits}.
 * For {@code c8-p-c16-p-d10}: conv1 28×28×8, pool1 14×14×8, conv2 14×14×16, pool2 7×7×16, logits.
 */
public final class FeatureLayers {

    /** One layer's output: {@code index} into the spec; a dense output is 1×1×units. */
    public record Feature(String name, int index, int height, int width, int channels) {
        /** {@code HxWxC} (or {@code C} for a dense layer). */
        public String size() {
            return height == 1 && width == 1 && name.startsWith("dense") ? String.valueOf(channels)
                    : height + "x" + width + "x" + channels;
        }
    }

    private FeatureLayers() {
    }

    /** Every layer's output for a {@code height × width} single-channel input, logits last. */
    public static List<Feature> of(ArchSpec arch, int height, int width) {
        List<Feature> out = new ArrayList<>();
        int h = height;
        int w = width;
        int ch = 1;
        int convs = 0;
        int pools = 0;
        int dense = 0;
        List<ArchSpec.Layer> layers = arch.layers();
        for (int i = 0; i < layers.size(); i++) {
            ArchSpec.Layer l = layers.get(i);
            switch (l.kind()) {
                case CONV -> {
                    ch = l.units();
                    out.add(new Feature("conv" + ++convs, i, h, w, ch));
                }
                case POOL -> {
                    h /= 2;
                    w /= 2;
                    out.add(new Feature("pool" + ++pools, i, h, w, ch));
                }
                case DENSE -> {
                    h = 1;
                    w = 1;
                    ch = l.units();
                    out.add(new Feature(i == layers.size() - 1 ? "logits" : "dense" + ++dense, i, 1, 1, ch));
                }
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }

    /** The names of the layers {@code --feature-layer} accepts (all but the logits), comma-separated. */
    public static String names(ArchSpec arch, int height, int width) {
        List<String> n = new ArrayList<>();
        for (Feature f : of(arch, height, width)) {
            if (!f.name().equals("logits")) {
                n.add(f.name() + " " + f.size());
            }
        }
        return String.join(", ", n);
    }

    /** The layer called {@code name}, or null. */
    public static Feature find(ArchSpec arch, int height, int width, String name) {
        for (Feature f : of(arch, height, width)) {
            if (f.name().equals(name) && !name.equals("logits")) {
                return f;
            }
        }
        return null;
    }
}
