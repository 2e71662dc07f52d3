package io.tinyforge.refimpl;

/** An operator together with its kernel and prepared params. */
public record PreparedOp<P extends OpParams>(OpKernel<P> kernel, P params) {

    void eval(TensorStore store) {
        kernel.eval(params, store);
    }
}
