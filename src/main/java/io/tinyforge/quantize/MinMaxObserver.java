package io.tinyforge.quantize;

/** The plain minimum and maximum over every observed value. */
public final class MinMaxObserver implements Observer {
    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;

    @Override
    public void observe(float[] values) {
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
    }

    @Override
    public Range range() {
        if (min > max) {
            throw new IllegalStateException("no values observed");
        }
        return new Range(min, max);
    }
}
