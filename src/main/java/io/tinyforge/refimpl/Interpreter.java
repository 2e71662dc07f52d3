package io.tinyforge.refimpl;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;

/**
 * The bit-exact reference: runs a prepared model operator by operator on a {@link TensorStore}. Inputs and
 * outputs are records in the golden-file layout (all input tensors concatenated in subgraph order, raw bytes).
 */
public final class Interpreter {
    private final PreparedModel model;
    private final TensorStore store;

    public Interpreter(PreparedModel model) {
        this.model = model;
        this.store = new TensorStore(model.graph());
    }

    public Interpreter(Graph graph) {
        this(PreparedModel.prepare(graph));
    }

    public TensorStore store() {
        return store;
    }

    public PreparedModel model() {
        return model;
    }

    /** Clears all activations and state, as TFLM's {@code Reset()}. */
    public void reset() {
        store.reset();
    }

    /** Copies one input record into the input tensors. */
    public void setInputs(byte[] record) {
        Graph g = model.graph();
        if (record.length != g.inputRecordBytes()) {
            throw new ModelException("input record has " + record.length + " bytes, the model needs "
                    + g.inputRecordBytes());
        }
        int off = 0;
        for (int idx : g.inputs()) {
            byte[] dst = store.bytes(idx);
            System.arraycopy(record, off, dst, 0, dst.length);
            off += dst.length;
        }
    }

    /** Runs every operator in order. */
    public void invoke() {
        for (PreparedOp<?> op : model.ops()) {
            op.eval(store);
        }
    }

    /** The output tensors concatenated in subgraph order. */
    public byte[] outputs() {
        Graph g = model.graph();
        byte[] out = new byte[(int) g.outputRecordBytes()];
        int off = 0;
        for (int idx : g.outputs()) {
            byte[] src = store.bytes(idx);
            System.arraycopy(src, 0, out, off, src.length);
            off += src.length;
        }
        return out;
    }

    /** Reset, set inputs, invoke, return outputs: one independent vector as in the golden files. */
    public byte[] run(byte[] inputRecord) {
        reset();
        setInputs(inputRecord);
        invoke();
        return outputs();
    }
}
