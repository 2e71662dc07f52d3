package io.tinyforge.quantize;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two weight-only modes; activations stay float32 and no calibration is needed.
 * <ul>
 * <li>dynamic range: CONV_2D and FULLY_CONNECTED weights with at least {@code minElements} elements become
 * symmetric per-channel int8 (axis 0), biases stay float32 (the converter's default threshold is 1024).
 * DEPTHWISE_CONV_2D weights stay float32: tinyforge has no hybrid depthwise kernel.</li>
 * <li>float16: the weights and biases of CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED are stored as FLOAT16
 * constants, each read through a DEQUANTIZE (float16 → float32) op placed just before its first consumer,
 * as the TFLite converter does.</li>
 * </ul>
 */
public final class WeightOnlyQuantizer {
    /** The TFLite converter's default minimum weight size for dynamic-range quantization. */
    public static final int CONVERTER_MIN_ELEMENTS = 1024;

    private WeightOnlyQuantizer() {
    }

    public static QuantizedModel dynamicRange(Graph floatGraph, int minElements) {
        FullIntegerQuantizer.requireFloat(floatGraph);
        Graph g = ActivationFusion.apply(floatGraph);
        List<Tensor> tensors = new ArrayList<>(g.tensors());
        for (Operator op : g.operators()) {
            if (op.type() != OpType.CONV_2D && op.type() != OpType.FULLY_CONNECTED) {
                continue;
            }
            Tensor w = tensors.get(op.input(1));
            if (w.dtype() != DType.FLOAT32 || !w.isConstant() || w.shape().elements() < minElements) {
                continue;
            }
            float[] wf = FloatGraphEvaluator.constFloats(w);
            byte[] wq = new byte[wf.length];
            float[] scales = QuantRules.quantizePerChannel(wf, w.shape().dims(), 0, wq);
            tensors.set(w.index(), new Tensor(w.index(), w.name(), w.shape(), DType.INT8,
                    new QuantParams(scales, new long[scales.length], 0), wq, false));
        }
        Graph out = new Graph(g.name() + "_dynamic", tensors, g.operators(), g.inputs(), g.outputs(), g.sha256());
        return new QuantizedModel(out, g, null);
    }

    public static QuantizedModel float16(Graph floatGraph) {
        FullIntegerQuantizer.requireFloat(floatGraph);
        Graph g = ActivationFusion.apply(floatGraph);
        List<Tensor> tensors = new ArrayList<>(g.tensors());
        Set<Integer> done = new HashSet<>();
        List<Operator> ops = new ArrayList<>();
        for (Operator op : g.operators()) {
            boolean weighted = op.type() == OpType.CONV_2D || op.type() == OpType.DEPTHWISE_CONV_2D
                    || op.type() == OpType.FULLY_CONNECTED;
            for (int k = 1; weighted && k <= 2; k++) {
                int t = op.input(k);
                if (t < 0 || done.contains(t)) {
                    continue;
                }
                Tensor c = tensors.get(t);
                if (!c.isConstant() || c.dtype() != DType.FLOAT32) {
                    continue;
                }
                int h = tensors.size();
                tensors.add(new Tensor(h, c.name() + "_fp16", c.shape(), DType.FLOAT16, null,
                        Raw.float16(FloatGraphEvaluator.constFloats(c)), false));
                tensors.set(t, new Tensor(t, c.name(), c.shape(), DType.FLOAT32, null, null, false));
                ops.add(new Operator(0, OpType.DEQUANTIZE, new int[] {h}, new int[] {t}, NoOptions.INSTANCE,
                        new int[0]));
                done.add(t);
            }
            ops.add(op);
        }
        if (done.isEmpty()) {
            throw new ModelException("float16: the model has no CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED"
                    + " float32 weights to convert");
        }
        List<Operator> numbered = new ArrayList<>();
        for (Operator op : ops) {
            numbered.add(new Operator(numbered.size(), op.type(), op.inputs(), op.outputs(), op.options(),
                    op.intermediates()));
        }
        Graph out = new Graph(g.name() + "_float16", tensors, numbered, g.inputs(), g.outputs(), g.sha256());
        return new QuantizedModel(out, g, null);
    }
}
