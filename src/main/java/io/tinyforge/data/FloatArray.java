package io.tinyforge.data;

/** A float32 array with its shape (C order), e.g. calibration samples read from .npy or raw files. */
public record FloatArray(int[] shape, float[] values) {

    public FloatArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException(values.length + " values for shape " + java.util.Arrays.toString(shape));
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The size of the first dimension (the number of samples). */
    public int samples() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Elements per sample (the product of the dimensions after the first). */
    public int sampleSize() {
        return shape.length == 0 ? 1 : values.length / Math.max(1, shape[0]);
    }

    /** A copy of sample {@code i}. */
    public float[] sample(int i) {
        int n = sampleSize();
        return java.util.Arrays.copyOfRange(values, i * n, (i + 1) * n);
    }
}
