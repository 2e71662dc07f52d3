package io.tinyforge.quantize;

/**
 * Range between the (100 - p)-th and p-th percentiles of all observed values (p = 99.99 by default), read
 * from a streaming histogram; drops rare outliers at both ends.
 */
public final class PercentileObserver implements Observer {
    private final double percentile;
    private final Histogram hist = new Histogram();

    public PercentileObserver() {
        this(99.99);
    }

    public PercentileObserver(double percentile) {
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (50, 100], is " + percentile);
        }
        this.percentile = percentile;
    }

    @Override
    public void observe(float[] values) {
        hist.add(values);
    }

    @Override
    public Range range() {
        if (hist.total() == 0) {
            throw new IllegalStateException("no values observed");
        }
        double p = percentile / 100;
        return new Range((float) hist.quantile(1 - p), (float) hist.quantile(p));
    }
}
