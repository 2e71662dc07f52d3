package io.tinyforge.ir;

/** RESHAPE options: the requested shape (may be empty when the shape comes from the second input). */
public record ReshapeOptions(int[] newShape) implements OpOptions {
    public ReshapeOptions {
        newShape = newShape.clone();
    }

    @Override
    public int[] newShape() {
        return newShape.clone();
    }
}
