package io.tinyforge.ir;

/**
 * One tensor of a graph. Constant tensors carry their raw little-endian bytes in {@code data};
 * activations have {@code data == null}. Variable tensors (state kept across invocations, e.g. SVDF)
 * are marked {@code variable}.
 */
public record Tensor(int index, String name, Shape shape, DType dtype, QuantParams quant, byte[] data,
        boolean variable) {

    public boolean isConstant() {
        return data != null;
    }

    public boolean hasQuant() {
        return quant != null;
    }

    /** Size in bytes of the whole tensor. */
    public long bytes() {
        return shape.elements() * dtype.size();
    }

    /** The raw bytes of a constant tensor (a copy is not made: callers must not modify it). */
    @Override
    public byte[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "#" + index + " '" + name + "' " + dtype.label() + shape + (quant != null ? " " + quant : "")
                + (data != null ? " const" : "") + (variable ? " variable" : "");
    }
}
