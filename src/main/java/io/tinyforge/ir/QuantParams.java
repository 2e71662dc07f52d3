package io.tinyforge.ir;

import java.util.Arrays;

/**
 * Affine quantization of a tensor: real = (q - zeroPoint) * scale. One entry means per-tensor;
 * several mean per-channel along {@code axis}.
 */
public record QuantParams(float[] scales, long[] zeroPoints, int axis) {

    public QuantParams {
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
    }

    /** Per-tensor parameters. */
    public static QuantParams perTensor(float scale, long zeroPoint) {
        return new QuantParams(new float[] {scale}, new long[] {zeroPoint}, 0);
    }

    /** True when there is one scale per channel along {@link #axis()}. */
    public boolean perChannel() {
        return scales.length > 1;
    }

    public int channels() {
        return scales.length;
    }

    /** The single scale of a per-tensor quantization (the first one otherwise). */
    public float scale() {
        return scales[0];
    }

    /** The single zero point of a per-tensor quantization (the first one otherwise). */
    public int zeroPoint() {
        return (int) zeroPoints[0];
    }

    public float scale(int channel) {
        return scales[channel];
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public long[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantParams q && axis == q.axis && Arrays.equals(scales, q.scales)
                && Arrays.equals(zeroPoints, q.zeroPoints);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scales) + Arrays.hashCode(zeroPoints) + axis;
    }

    @Override
    public String toString() {
        if (!perChannel()) {
            return "scale=" + scales[0] + " zp=" + zeroPoints[0];
        }
        return "per-channel(axis=" + axis + ", n=" + scales.length + ")";
    }
}
