package io.tinyforge.quantize;

/**
 * Exponential moving average of each record's minimum and maximum: the first record sets the range, each
 * later one moves it by {@code c * (batch - current)} (c = 0.01 by default, as PyTorch's
 * MovingAverageMinMaxObserver), which damps rare extreme records.
 */
public final class MovingAverageObserver implements Observer {
    private final float c;
    private float min;
    private float max;
    private boolean seen;

    public MovingAverageObserver() {
        this(0.01f);
    }

    public MovingAverageObserver(float averagingConstant) {
        if (!(averagingConstant > 0 && averagingConstant <= 1)) {
            throw new IllegalArgumentException("averaging constant must be in (0, 1], is " + averagingConstant);
        }
        this.c = averagingConstant;
    }

    @Override
    public void observe(float[] values) {
        if (values.length == 0) {
            return;
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!seen) {
            min = lo;
            max = hi;
            seen = true;
        } else {
            min += c * (lo - min);
            max += c * (hi - max);
        }
    }

    @Override
    public Range range() {
        if (!seen) {
            throw new IllegalStateException("no values observed");
        }
        return new Range(min, max);
    }
}
