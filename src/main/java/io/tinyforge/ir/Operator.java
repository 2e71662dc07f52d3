package io.tinyforge.ir;

import java.util.Arrays;

/**
 * One operator node: its type, the tensor indices it reads and writes (-1 marks an omitted optional
 * input) and its type-specific options.
 */
public record Operator(int index, OpType type, int[] inputs, int[] outputs, OpOptions options,
        int[] intermediates) {

    public Operator {
        inputs = inputs.clone();
        outputs = outputs.clone();
        intermediates = intermediates.clone();
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public int[] outputs() {
        return outputs.clone();
    }

    @Override
    public int[] intermediates() {
        return intermediates.clone();
    }

    /** Tensor index of input {@code i}, or -1 when absent/omitted. */
    public int input(int i) {
        return i < inputs.length ? inputs[i] : -1;
    }

    public int output(int i) {
        return outputs[i];
    }

    public int inputCount() {
        return inputs.length;
    }

    public int outputCount() {
        return outputs.length;
    }

    /** The options cast to the expected record type. */
    public <T extends OpOptions> T options(Class<T> type) {
        return type.cast(options);
    }

    @Override
    public String toString() {
        return "op" + index + " " + type + " in=" + Arrays.toString(inputs) + " out=" + Arrays.toString(outputs);
    }
}
