package io.tinyforge.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable model graph: tensors, operators in execution order, and the subgraph's input and output
 * tensor indices. {@code sha256} is the hex digest of the file it came from (or of its serialized form).
 * {@code metadata} holds the model's named metadata buffers (TFLite {@code Model.metadata}, e.g.
 * {@code tinyforge.clustering}), in file order; empty when there are none.
 */
public record Graph(String name, List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs,
        String sha256, Map<String, byte[]> metadata) {

    public Graph {
        tensors = List.copyOf(tensors);
        operators = List.copyOf(operators);
        inputs = inputs.clone();
        outputs = outputs.clone();
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A graph without metadata. */
    public Graph(String name, List<Tensor> tensors, List<Operator> operators, int[] inputs, int[] outputs,
            String sha256) {
        this(name, tensors, operators, inputs, outputs, sha256, Map.of());
    }

    /** This graph with {@code metadata} in place of its own. */
    public Graph withMetadata(Map<String, byte[]> metadata) {
        return new Graph(name, tensors, operators, inputs, outputs, sha256, metadata);
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
