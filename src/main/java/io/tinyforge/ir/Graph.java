package io.tinyforge.ir;

import java.util.List;

/**
 * An immutable model graph: tensors, operators in execution order, and the subgraph's input and output
 * tensor indices. {@code sha256} is the hex digest of the file it came from (or of its serialized form).
 */
public record Graph(String name, List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs,
        String sha256) {

    public Graph {
        tensors = List.copyOf(tensors);
        operators = List.copyOf(operators);
        inputs = inputs.clone();
        outputs = outputs.clone();
    }

    public Tensor tensor(int index) {
        return tensors.get(index);
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public int[] outputs() {
        return outputs.clone();
    }

    public Tensor input(int i) {
        return tensors.get(inputs[i]);
    }

    public Tensor output(int i) {
        return tensors.get(outputs[i]);
    }

    public int inputCount() {
        return inputs.length;
    }

    public int outputCount() {
        return outputs.length;
    }

    /** Bytes of one input record: all inputs concatenated in subgraph order. */
    public long inputRecordBytes() {
        long n = 0;
        for (int i : inputs) {
            n += tensors.get(i).bytes();
        }
        return n;
    }

    /** Bytes of one output record. */
    public long outputRecordBytes() {
        long n = 0;
        for (int i : outputs) {
            n += tensors.get(i).bytes();
        }
        return n;
    }

    /** Total bytes of constant tensors (weights, biases, shapes). */
    public long constantBytes() {
        long n = 0;
        for (Tensor t : tensors) {
            if (t.isConstant()) {
                n += t.data().length;
            }
        }
        return n;
    }
}
