package io.tinyforge.codegen;

import io.tinyforge.ir.ModelException;
import java.util.Locale;

/**
 * What the generator trades when a layer has several weight layouts (docs/ARCHITECTURE.md "Weight layouts").
 * {@link #SPEED} (the default): dense int8 filters are packed as int16 for the GEMM kernels (about twice the
 * weight flash, fewest instructions), sparse storage only for models that {@code tinyforge prune} marked as
 * pruned. {@link #SIZE}: filters stay int8, and every filter takes the smallest of dense, codebook and sparse.
 * Clustered filters use their codebook in both modes. Read from the system property {@code tinyforge.optimize}
 * (or the environment variable {@code TINYFORGE_OPTIMIZE}), which {@code generate/run/bench --optimize} set,
 * because the memory plan and the emitters must agree on the layout of every layer.
 */
public enum Optimize {
    SPEED, SIZE;

    /** The property both the memory plan and the emitters read. */
    public static final String PROPERTY = "tinyforge.optimize";

    /** The mode in effect. */
    public static Optimize current() {
        String v = System.getProperty(PROPERTY, System.getenv("TINYFORGE_OPTIMIZE"));
        return v == null || v.isBlank() ? SPEED : parse(v);
    }

    /** Parses {@code speed} or {@code size}; one-line {@link ModelException} otherwise. */
    public static Optimize parse(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "speed" -> SPEED;
            case "size" -> SIZE;
            default -> throw new ModelException("--optimize takes speed or size, not '" + v.strip() + "'");
        };
    }

    /** Makes {@code mode} the mode of this process (CLI commands). */
    public static void use(Optimize mode) {
        System.setProperty(PROPERTY, mode.name().toLowerCase(Locale.ROOT));
    }
}
