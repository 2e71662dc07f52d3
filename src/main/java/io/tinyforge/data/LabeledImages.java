package io.tinyforge.data;

import io.tinyforge.ir.ModelException;

/**
 * A set of grey-scale images with their class labels, as read from an IDX pair: {@code count} images of
 * {@code rows × cols} unsigned bytes (row-major, image after image) and one label byte per image.
 */
public record LabeledImages(int count, int rows, int cols, byte[] pixels, byte[] labels) {

    public LabeledImages {
        if (pixels.length != (long) count * rows * cols || labels.length != count) {
            throw new ModelException("image set of " + count + " images of " + rows + "x" + cols + " has "
                    + pixels.length + " pixel bytes and " + labels.length + " labels");
        }
    }

    /** Pixels per image. */
    public int imageSize() {
        return rows * cols;
    }

    /** The label of image {@code i} (0..255). */
    public int label(int i) {
        return labels[i] & 0xff;
    }

    /** Pixel {@code p} of image {@code i} scaled to [0, 1] (value / 255). */
    public float pixel(int i, int p) {
        return (pixels[i * imageSize() + p] & 0xff) / 255f;
    }

    /** Image {@code i} scaled to [0, 1], row-major. */
    public float[] image(int i) {
        float[] f = new float[imageSize()];
        int base = i * imageSize();
        for (int p = 0; p < f.length; p++) {
            f[p] = (pixels[base + p] & 0xff) / 255f;
        }
        return f;
    }

    /** The first {@code n} images (all of them when {@code n} is not below the count). */
    public LabeledImages limit(int n) {
        if (n >= count) {
            return this;
        }
        return slice(0, n);
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive). */
    public LabeledImages slice(int from, int to) {
        byte[] px = java.util.Arrays.copyOfRange(pixels, from * imageSize(), to * imageSize());
        byte[] lb = java.util.Arrays.copyOfRange(labels, from, to);
        return new LabeledImages(to - from, rows, cols, px, lb);
    }

    /** The number of classes: the largest label plus one. */
    public int classes() {
        int max = -1;
        for (byte b : labels) {
            max = Math.max(max, b & 0xff);
        }
        return max + 1;
    }
}
