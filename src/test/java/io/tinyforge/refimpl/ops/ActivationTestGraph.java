package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import java.util.List;

/** A graph input -&gt; one unary operator -&gt; output, for kernel tests on tiny tensors. */
record ActivationTestGraph(Graph graph) {

    static ActivationTestGraph of(OpType type, OpOptions options, Shape shape, DType inType, float inScale, int inZp,
            DType outType, float outScale, int outZp) {
        Tensor in = new Tensor(0, "in", shape, inType, QuantParams.perTensor(inScale, inZp), null, false);
        Tensor out = new Tensor(1, "out", shape, outType, QuantParams.perTensor(outScale, outZp), null, false);
        Operator op = new Operator(0, type, new int[] {0}, new int[] {1}, options, new int[0]);
        return new ActivationTestGraph(new Graph("one_" + type.name().toLowerCase(), List.of(in, out), List.of(op),
                new int[] {0}, new int[] {1}, "0"));
    }

    Operator op() {
        return graph.operators().get(0);
    }

    <P extends OpParams> P prepare(OpKernel<P> k) {
        return k.prepare(graph, op(), PrepareContext.DEFAULT);
    }

    /** Runs the operator on raw input bytes and returns the raw output bytes. */
    <P extends OpParams> byte[] run(OpKernel<P> k, byte[] input) {
        TensorStore store = new TensorStore(graph);
        System.arraycopy(input, 0, store.bytes(0), 0, input.length);
        k.eval(prepare(k), store);
        return store.bytes(1).clone();
    }
}
