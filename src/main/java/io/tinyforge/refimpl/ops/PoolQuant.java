package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.Tensor;

/** The quantization rules of the int8 pools: same scale (within 1e-6, as TFLM) and zero point in and out. */
final class PoolQuant {

    private PoolQuant() {
    }

    /** Validates types and quantization; returns the clamp range {min, max} of the fused activation. */
    static int[] check(Graph g, Operator op, Pool2DOptions o) {
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        BasicChecks.dtype(op, in, "input", DType.INT8);
        BasicChecks.dtype(op, out, "output", DType.INT8);
        BasicChecks.perTensor(op, in, "input");
        BasicChecks.perTensor(op, out, "output");
        double diff = Math.abs((double) in.quant().scale() - (double) out.quant().scale());
        if (diff > 1.0e-6 || in.quant().zeroPoint() != out.quant().zeroPoint()) {
            throw BasicChecks.fail(op, "input (" + in.quant() + ") and output (" + out.quant()
                    + ") quantization differ; int8 pooling needs the same scale and zero point");
        }
        return BasicActivationRange.of(op, o.activation(), out);
    }
}
