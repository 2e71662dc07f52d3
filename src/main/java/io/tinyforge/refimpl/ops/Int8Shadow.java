package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a float kernel of a data-movement or reduction op (PAD, CONCATENATION, MEAN) reuse the int8 kernel's
 * validation and geometry: the operator's float32 tensors are retyped as int8 with scale 1 and zero point 0
 * (constant data zeroed), the int8 {@code prepare} runs on that shadow graph, and the float kernel keeps only
 * the shape-derived fields (element counts, dims, strides), never the quantization ones.
 */
final class Int8Shadow {

    private Int8Shadow() {
    }

    static Graph of(Graph g, Operator op) {
        List<Tensor> ts = new ArrayList<>(g.tensors());
        QuantParams unit = QuantParams.perTensor(1f, 0); // one instance: kernels compare quantizations with equals
        List<Integer> touched = new ArrayList<>();
        for (int i : op.inputs()) {
            touched.add(i);
        }
        for (int o : op.outputs()) {
            touched.add(o);
        }
        for (int idx : touched) {
            if (idx < 0) {
                continue;
            }
            Tensor t = ts.get(idx);
            if (t.dtype() == DType.FLOAT32) {
                byte[] data = t.isConstant() ? new byte[(int) t.shape().elements()] : null;
                ts.set(idx, new Tensor(t.index(), t.name(), t.shape(), DType.INT8, unit,
                        data, t.variable()));
            }
        }
        return new Graph(g.name(), ts, g.operators(), g.inputs(), g.outputs(), g.sha256());
    }
}
