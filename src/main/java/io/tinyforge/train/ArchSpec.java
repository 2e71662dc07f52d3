package io.tinyforge.train;

import io.tinyforge.ir.ModelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small CNN architecture written as a dash-separated string, e.g. {@code c8-p-c16-p-d10} (the course CNN):
 * {@code cN} is a 3×3 SAME convolution with N filters and a fused ReLU ({@code cNkK} for a K×K kernel),
 * {@code p} a 2×2 stride-2 VALID max pool, {@code dN} a dense layer of N units (ReLU, except the last one,
 * which gives the logits and is followed by softmax). The last layer must be dense.
 */
public record ArchSpec(String text, List<Layer> layers) {

    /** The course CNN. */
    public static final String COURSE = "c8-p-c16-p-d10";

    /**
     * The default of {@code tinyforge train}: the course CNN twice as wide plus a 64-unit hidden layer, which
     * reaches 90 % on Fashion-MNIST in {@link #TRAIN_DEFAULT_EPOCHS} epochs with a linearly decaying learning rate.
     */
    public static final String TRAIN_DEFAULT = "c16-p-c32-p-d64-d10";

    /** Epochs of {@code tinyforge train} by default. */
    public static final int TRAIN_DEFAULT_EPOCHS = 4;

    /** One layer of a spec. */
    public record Layer(Kind kind, int units, int kernel) {
    }

    /** Layer kinds. */
    public enum Kind { CONV, POOL, DENSE }

    public ArchSpec {
        layers = List.copyOf(layers);
    }

    /** Parses a spec; one-line {@link ModelException} on a bad one. */
    public static ArchSpec parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        List<Layer> layers = new ArrayList<>();
        boolean dense = false;
        for (String tok : s.split("-", -1)) {
            Layer l = layer(spec, tok);
            if (l.kind() != Kind.DENSE && dense) {
                throw bad(spec, "'" + tok + "' after a dense layer (convolutions and pools come first)");
            }
            dense |= l.kind() == Kind.DENSE;
            layers.add(l);
        }
        if (layers.get(layers.size() - 1).kind() != Kind.DENSE) {
            throw bad(spec, "the last layer must be dense (dN, N = number of classes)");
        }
        return new ArchSpec(s, layers);
    }

    private static Layer layer(String spec, String tok) {
        try {
            if (tok.equals("p")) {
                return new Layer(Kind.POOL, 0, 2);
            }
            if (tok.startsWith("c")) {
                int k = tok.indexOf('k');
                int units = Integer.parseInt(k < 0 ? tok.substring(1) : tok.substring(1, k));
                int kernel = k < 0 ? 3 : Integer.parseInt(tok.substring(k + 1));
                if (units < 1 || units > 1024 || kernel < 1 || kernel > 15) {
                    throw bad(spec, "'" + tok + "' out of range (1..1024 filters, kernel 1..15)");
                }
                return new Layer(Kind.CONV, units, kernel);
            }
            if (tok.startsWith("d")) {
                int units = Integer.parseInt(tok.substring(1));
                if (units < 1 || units > 65536) {
                    throw bad(spec, "'" + tok + "' out of range (1..65536 units)");
                }
                return new Layer(Kind.DENSE, units, 0);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw bad(spec, "unknown layer '" + tok + "' (cN, cNkK, p, dN)");
    }

    private static ModelException bad(String spec, String why) {
        return new ModelException("bad --arch '" + spec + "': " + why);
    }

    /** The number of outputs (units of the last dense layer). */
    public int classes() {
        return layers.get(layers.size() - 1).units();
    }

    @Override
    public String toString() {
        return text;
    }
}
