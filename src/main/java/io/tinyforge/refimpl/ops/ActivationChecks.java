package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;

/** The one-line checks LOGISTIC and TANH share: one quantized int8 or int16 input and a same-type output. */
final class ActivationChecks {

    private ActivationChecks() {
    }

    /** The input tensor, after checking arity, types (int8 to int8 or int16 to int16), quantization, shapes. */
    static Tensor input(String where, Graph graph, Operator op) {
        if (op.inputCount() != 1 || op.outputCount() != 1) {
            throw new ModelException(where + ": expected 1 input and 1 output");
        }
        Tensor in = graph.tensor(op.input(0));
        Tensor out = graph.tensor(op.output(0));
        boolean supported = (in.dtype() == DType.INT8 || in.dtype() == DType.INT16) && out.dtype() == in.dtype();
        if (!supported) {
            throw new ModelException(where + ": " + in.dtype().label() + " to " + out.dtype().label()
                    + " is not supported (int8 to int8 or int16 to int16 only)");
        }
        if (!in.hasQuant() || !out.hasQuant()) {
            throw new ModelException(where + ": input and output must be quantized");
        }
        if (!in.shape().equals(out.shape())) {
            throw new ModelException(where + ": input shape " + in.shape() + " differs from output shape "
                    + out.shape());
        }
        return in;
    }

    static void int8Output(String where, Tensor out, float scale, int zeroPoint, String scaleText) {
        if (out.quant().scale() != scale || out.quant().zeroPoint() != zeroPoint) {
            throw new ModelException(where + ": int8 output must have scale " + scaleText + " and zero point "
                    + zeroPoint + ", has " + out.quant());
        }
    }
}
