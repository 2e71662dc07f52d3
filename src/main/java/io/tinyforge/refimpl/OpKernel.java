package io.tinyforge.refimpl;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;

/**
 * One operator of the bit-exact reference interpreter: {@code prepare} validates the operator (types,
 * shapes, quantization) and computes its params once; {@code eval} only computes. Unsupported combinations
 * throw {@link io.tinyforge.ir.ModelException} from {@code prepare} with one line naming the operator.
 */
public interface OpKernel<P extends OpParams> {

    P prepare(Graph graph, Operator op, PrepareContext ctx);

    void eval(P params, TensorStore store);
}
