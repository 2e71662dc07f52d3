package io.tinyforge.ir;

import java.util.Arrays;

/** An immutable tensor shape in C (row-major) order. */
public record Shape(int[] dims) {

    public Shape {
        dims = dims.clone();
    }

    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    public int rank() {
        return dims.length;
    }

    public int dim(int i) {
        return dims[i];
    }

    /** Dimension counted from the end: {@code fromEnd(1)} is the innermost one. */
    public int fromEnd(int i) {
        return dims[dims.length - i];
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Number of elements (1 for a scalar). */
    public long elements() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims).replace(" ", "");
    }
}
