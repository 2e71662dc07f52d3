package io.tinyforge.quantize;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.PreparedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Full-integer post-training quantization of a float32 graph, with the TFLite converter's conventions: int8
 * asymmetric activations from the calibrated ranges, symmetric per-channel int8 weights (axis 0 for CONV_2D
 * and FULLY_CONNECTED, 3 for DEPTHWISE_CONV_2D), int32 biases at s_in * s_w[c], fixed output quantization
 * for SOFTMAX / LOGISTIC (1/256, -128) and TANH (1/128, 0), pooling / reshape / pad keeping their input's
 * quantization, concatenation inputs and output sharing the union of their ranges. Fused RELU/RELU6 are
 * folded into the producing conv/FC first. The result is checked by preparing it with the int8 reference.
 */
public final class FullIntegerQuantizer {
    private FullIntegerQuantizer() {
    }

    public static QuantizedModel quantize(Graph floatGraph, List<float[][]> calibration, Supplier<Observer> method,
            IoType io) {
        requireFloat(floatGraph);
        Graph g = ActivationFusion.apply(floatGraph);
        Range[] ranges = Calibrator.calibrate(g, QuantizedModelRunners.floatRunner(g), calibration, method);
        return quantize(g, ranges, io);
    }

    /**
     * Full-integer quantization with activation ranges decided elsewhere (e.g. learned by quantization-aware
     * training) instead of calibration: {@code rangesByName} maps tensor names of the graph (after activation
     * fusion) to their ranges; every activation whose quantization is not fixed by its operator needs one.
     */
    public static QuantizedModel quantizeWithRanges(Graph floatGraph, java.util.Map<String, Range> rangesByName,
            IoType io) {
        requireFloat(floatGraph);
        Graph g = ActivationFusion.apply(floatGraph);
        Range[] ranges = new Range[g.tensors().size()];
        for (Tensor t : g.tensors()) {
            ranges[t.index()] = rangesByName.get(t.name());
        }
        return quantize(g, ranges, io);
    }

    private static QuantizedModel quantize(Graph g, Range[] ranges, IoType io) {
        unifyConcatRanges(g, ranges);
        QuantParams[] q = new QuantParams[g.tensors().size()];
        for (int t : g.inputs()) {
            q[t] = affine(g, ranges, t).params();
        }
        for (Operator op : g.operators()) {
            int out = op.output(0);
            q[out] = switch (op.type()) {
                case SOFTMAX, LOGISTIC -> QuantParams.perTensor(1f / 256f, -128);
                case TANH -> QuantParams.perTensor(1f / 128f, 0);
                case AVERAGE_POOL_2D, MAX_POOL_2D, RESHAPE, PAD -> Objects.requireNonNull(q[op.input(0)],
                        () -> "no quantization for the input of " + op);
                default -> affine(g, ranges, out).params();
            };
        }
        List<Tensor> tensors = new ArrayList<>();
        byte[][] data = new byte[g.tensors().size()][];
        QuantParams[] cq = new QuantParams[g.tensors().size()];
        DType[] types = new DType[g.tensors().size()];
        quantizeConstants(g, q, data, cq, types);
        for (Tensor t : g.tensors()) {
            int i = t.index();
            if (Calibrator.isActivation(t)) {
                tensors.add(new Tensor(i, t.name(), t.shape(), DType.INT8, q[i], null, t.variable()));
            } else if (data[i] != null) {
                tensors.add(new Tensor(i, t.name(), t.shape(), types[i], cq[i], data[i], false));
            } else {
                tensors.add(t);
            }
        }
        List<Operator> ops = new ArrayList<>(g.operators());
        int[] inputs = g.inputs();
        int[] outputs = g.outputs();
        if (io == IoType.FLOAT) {
            List<Operator> front = new ArrayList<>();
            for (int k = 0; k < inputs.length; k++) {
                Tensor t = tensors.get(inputs[k]);
                int f = tensors.size();
                tensors.add(new Tensor(f, t.name(), t.shape(), DType.FLOAT32, null, null, false));
                tensors.set(t.index(), rename(t, t.name() + "_int8"));
                front.add(new Operator(0, OpType.QUANTIZE, new int[] {f}, new int[] {t.index()}, NoOptions.INSTANCE,
                        new int[0]));
                inputs[k] = f;
            }
            ops.addAll(0, front);
            for (int k = 0; k < outputs.length; k++) {
                Tensor t = tensors.get(outputs[k]);
                int f = tensors.size();
                tensors.add(new Tensor(f, t.name(), t.shape(), DType.FLOAT32, null, null, false));
                tensors.set(t.index(), rename(t, t.name() + "_int8"));
                ops.add(new Operator(0, OpType.DEQUANTIZE, new int[] {t.index()}, new int[] {f}, NoOptions.INSTANCE,
                        new int[0]));
                outputs[k] = f;
            }
        }
        List<Operator> numbered = new ArrayList<>();
        for (Operator op : ops) {
            numbered.add(new Operator(numbered.size(), op.type(), op.inputs(), op.outputs(), op.options(),
                    op.intermediates()));
        }
        Graph out = new Graph(g.name() + "_int8", tensors, numbered, inputs, outputs, g.sha256(), kept(g));
        checkConcat(out);
        PreparedModel.prepare(out);
        return new QuantizedModel(out, g, ranges);
    }

    /** The metadata that stays true of the int8 graph: the pruning record (its zeros survive quantization). */
    private static java.util.Map<String, byte[]> kept(Graph g) {
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        byte[] pruning = g.metadata().get(io.tinyforge.prune.PruningMetadata.NAME);
        if (pruning != null) {
            m.put(io.tinyforge.prune.PruningMetadata.NAME, pruning);
        }
        return m;
    }

    static void requireFloat(Graph g) {
        for (int t : g.inputs()) {
            if (g.tensor(t).dtype() != DType.FLOAT32) {
                throw new ModelException("input " + g.tensor(t) + " is not float32: quantize needs a float model");
            }
        }
        for (Tensor t : g.tensors()) {
            if (t.isConstant() && (t.dtype() == DType.INT8 || t.dtype() == DType.FLOAT16)) {
                throw new ModelException("tensor " + t + " is already quantized: quantize needs a float32 model");
            }
        }
    }

    private static Tensor rename(Tensor t, String name) {
        return new Tensor(t.index(), name, t.shape(), t.dtype(), t.quant(), t.data(), t.variable());
    }

    private static Affine affine(Graph g, Range[] ranges, int t) {
        Range r = ranges[t];
        if (r == null) {
            throw new ModelException("tensor " + g.tensor(t) + " has no calibrated range");
        }
        return QuantRules.asymmetric(r.min(), r.max());
    }

    private static void unifyConcatRanges(Graph g, Range[] ranges) {
        for (int iter = 0; iter < 16; iter++) {
            boolean changed = false;
            for (Operator op : g.operators()) {
                if (op.type() != OpType.CONCATENATION) {
                    continue;
                }
                Range u = ranges[op.output(0)];
                for (int t : op.inputs()) {
                    if (ranges[t] != null) {
                        u = u.union(ranges[t]);
                    }
                }
                for (int t : op.inputs()) {
                    if (ranges[t] != null && !ranges[t].equals(u)) {
                        ranges[t] = u;
                        changed = true;
                    }
                }
                if (!ranges[op.output(0)].equals(u)) {
                    ranges[op.output(0)] = u;
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private static void checkConcat(Graph g) {
        for (Operator op : g.operators()) {
            if (op.type() == OpType.CONCATENATION) {
                QuantParams o = g.tensor(op.output(0)).quant();
                for (int t : op.inputs()) {
                    if (!o.equals(g.tensor(t).quant())) {
                        throw new ModelException("operator " + op.index() + " CONCATENATION: input " + g.tensor(t)
                                + " cannot share the output's quantization (it is fixed by its producer)");
                    }
                }
            }
        }
    }

    private static void quantizeConstants(Graph g, QuantParams[] act, byte[][] data, QuantParams[] cq, DType[] types) {
        for (Operator op : g.operators()) {
            boolean conv = op.type() == OpType.CONV_2D || op.type() == OpType.FULLY_CONNECTED;
            boolean dw = op.type() == OpType.DEPTHWISE_CONV_2D;
            if (!conv && !dw) {
                continue;
            }
            Tensor w = g.tensor(op.input(1));
            if (!w.isConstant() || w.dtype() != DType.FLOAT32) {
                throw new ModelException("operator " + op.index() + " " + op.type() + ": weights " + w
                        + " are not constant float32");
            }
            int axis = dw ? 3 : 0;
            float[] wf = FloatGraphEvaluator.constFloats(w);
            byte[] wq = new byte[wf.length];
            float[] scales = QuantRules.quantizePerChannel(wf, w.shape().dims(), axis, wq);
            QuantParams wp = new QuantParams(scales, new long[scales.length], axis);
            if (data[w.index()] != null && !wp.equals(cq[w.index()])) {
                throw new ModelException("weights " + w + " are shared by operators that quantize them differently");
            }
            data[w.index()] = wq;
            cq[w.index()] = wp;
            types[w.index()] = DType.INT8;
            int b = op.input(2);
            if (b >= 0) {
                Tensor bt = g.tensor(b);
                float[] bf = FloatGraphEvaluator.constFloats(bt);
                float[] bs = new float[bf.length];
                float sIn = act[op.input(0)].scale();
                int[] bq = QuantRules.quantizeBias(bf, sIn, scales, bs);
                QuantParams bp = new QuantParams(bs, new long[bs.length], 0);
                if (data[b] != null && !bp.equals(cq[b])) {
                    throw new ModelException("bias " + bt + " is shared by operators with different input scales");
                }
                data[b] = Raw.int32(bq);
                cq[b] = bp;
                types[b] = DType.INT32;
            }
        }
        for (Tensor t : g.tensors()) {
            if (t.isConstant() && t.dtype() == DType.FLOAT32 && data[t.index()] == null) {
                float[] v = FloatGraphEvaluator.constFloats(t);
                float lo = 0;
                float hi = 0;
                for (float x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                Affine a = QuantRules.asymmetric(lo, hi);
                byte[] qv = new byte[v.length];
                for (int i = 0; i < v.length; i++) {
                    qv[i] = (byte) QuantRules.quantize(v[i], a);
                }
                data[t.index()] = qv;
                cq[t.index()] = a.params();
                types[t.index()] = DType.INT8;
            }
        }
    }
}
