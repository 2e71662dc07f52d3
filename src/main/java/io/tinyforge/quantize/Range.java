package io.tinyforge.quantize;

/** A calibrated real-valued range [min, max] of one tensor. */
public record Range(float min, float max) {

    /** The smallest range containing both. */
    public Range union(Range o) {
        return new Range(Math.min(min, o.min), Math.max(max, o.max));
    }
}
