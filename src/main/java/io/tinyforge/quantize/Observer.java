package io.tinyforge.quantize;

/**
 * Collects the values a tensor takes over the calibration set and proposes the range to quantize it to.
 * {@link #observe} is called once per calibration record (one "batch").
 */
public interface Observer {

    /** Adds the values of one calibration record (non-finite values are the caller's responsibility). */
    void observe(float[] values);

    /** The proposed range; {@link IllegalStateException} when nothing was observed. */
    Range range();
}
