package io.tinyforge.refimpl;

import io.tinyforge.fixedpoint.Rounding;

/** Settings that influence how operators are prepared. */
public record PrepareContext(Rounding rounding) {
    public static final PrepareContext DEFAULT = new PrepareContext(Rounding.DOUBLE);
}
