package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;

/** The one-line checks LOGISTIC and TANH share: one quantized int8 input and one matching int8 output. */
final class ActivationChecks {

    private ActivationChecks() {
    }

    static Tensor int8Input(String where, Graph graph, Operator op) {
        if (op.inputCount() != 1 || op.outputCount() != 1) {
            throw new ModelException(where + ": expected 1 input and 1 output");
        }
        Tensor in = graph.tensor(op.input(0));
        Tensor out = graph.tensor(op.output(0));
        if (in.dtype() != DType.INT8 || out.dtype() != DType.INT8) {
            throw new ModelException(where + ": " + in.dtype().label() + " to " + out.dtype().label()
                    + " is not supported (int8 to int8 only)");
        }
        if (!in.hasQuant() || !out.hasQuant()) {
            throw new ModelException(where + ": input and output must be quantized");
        }
        return in;
    }

    static void int8Output(String where, Tensor in, Tensor out, float scale, int zeroPoint, String scaleText) {
        if (out.quant().scale() != scale || out.quant().zeroPoint() != zeroPoint) {
            throw new ModelException(where + ": int8 output must have scale " + scaleText + " and zero point "
                    + zeroPoint + ", has " + out.quant());
        }
        if (!in.shape().equals(out.shape())) {
            throw new ModelException(where + ": input shape " + in.shape() + " differs from output shape "
                    + out.shape());
        }
    }
}
