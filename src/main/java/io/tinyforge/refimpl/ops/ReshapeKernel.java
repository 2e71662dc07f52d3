package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * RESHAPE: copies the input bytes unchanged. As in TFLM, the output tensor must hold as many elements as the
 * input. The new shape comes from a constant int32 second input, else from the options (one dimension may be
 * -1 and is inferred), else — or when that requested shape does not fit — from the output tensor.
 */
public final class ReshapeKernel implements OpKernel<ReshapeParams> {

    @Override
    public ReshapeParams prepare(Graph graph, Operator op, PrepareContext ctx) {
        if (op.inputCount() < 1 || op.input(0) < 0 || op.outputCount() != 1) {
            throw fail(op, "needs one data input and one output");
        }
        Tensor in = graph.tensor(op.input(0));
        Tensor out = graph.tensor(op.output(0));
        if (in.dtype() != out.dtype()) {
            throw fail(op, "changes the element type from " + in.dtype().label() + " to " + out.dtype().label());
        }
        if (in.shape().elements() != out.shape().elements()) {
            throw fail(op, "has " + in.shape().elements() + " input elements but its output tensor " + out.shape()
                    + " holds " + out.shape().elements());
        }
        Shape shape;
        try {
            shape = Shape.of(resolve(op, requestedShape(graph, op, out), in.shape().elements()));
        } catch (ModelException e) {
            // TFLM sizes the output from the output tensor alone; a stale requested shape is not an error
            shape = out.shape();
        }
        return new ReshapeParams(op, in.index(), out.index(), shape, in.bytes());
    }

    @Override
    public void eval(ReshapeParams p, TensorStore store) {
        System.arraycopy(store.bytes(p.input()), 0, store.bytes(p.output()), 0, (int) p.bytes());
    }

    private static int[] requestedShape(Graph graph, Operator op, Tensor out) {
        int shapeIndex = op.input(1);
        if (shapeIndex >= 0) {
            Tensor s = graph.tensor(shapeIndex);
            if (s.isConstant() && s.dtype() == DType.INT32 && s.shape().rank() == 1) {
                int[] dims = new int[(int) s.shape().elements()];
                ByteBuffer b = ByteBuffer.wrap(s.data()).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = b.getInt(4 * i);
                }
                return dims;
            }
            if (!s.isConstant()) {
                throw fail(op, "takes its shape from a non-constant tensor; only constant shapes are supported");
            }
        }
        if (op.options() instanceof ReshapeOptions o && o.newShape().length > 0) {
            int[] dims = o.newShape();
            // legacy converters write [0] for a scalar
            return dims.length == 1 && dims[0] == 0 ? new int[0] : dims;
        }
        return out.shape().dims();
    }

    private static int[] resolve(Operator op, int[] dims, long elements) {
        int[] r = dims.clone();
        int stretch = -1;
        long known = 1;
        for (int i = 0; i < r.length; i++) {
            if (r[i] == -1) {
                if (stretch >= 0) {
                    throw fail(op, "has more than one -1 in its shape " + Arrays.toString(dims));
                }
                stretch = i;
            } else if (r[i] < 0) {
                throw fail(op, "has a negative dimension in its shape " + Arrays.toString(dims));
            } else {
                known *= r[i];
            }
        }
        if (stretch >= 0) {
            if (known == 0 || elements % known != 0) {
                throw fail(op, "cannot infer -1 in shape " + Arrays.toString(dims) + " for " + elements
                        + " elements");
            }
            r[stretch] = (int) (elements / known);
            known = elements;
        }
        if (known != elements) {
            throw fail(op, "shape " + Arrays.toString(dims) + " holds " + known + " elements but the input has "
                    + elements);
        }
        return r;
    }

    private static ModelException fail(Operator op, String what) {
        return new ModelException("operator " + op.index() + " RESHAPE " + what);
    }
}
