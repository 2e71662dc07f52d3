package io.tinyforge.codegen.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.Tensor;
import java.util.List;

/** Small SOFTMAX / LOGISTIC / TANH graphs built as IR, for the generated-C tests (host and emulator). */
public final class ActivationGraphs {

    private ActivationGraphs() {
    }

    /**
     * input [4,9] -&gt; one op -&gt; output: int8 input (scale 0.07, zp 5), or int16 input (scale 1/3000, zp 0)
     * when a LOGISTIC / TANH has int16 output.
     */
    public static Graph unary(OpType type, OpOptions o, DType outType, float outScale, int outZp) {
        Shape s = Shape.of(4, 9);
        boolean in16 = outType == DType.INT16 && type != OpType.SOFTMAX;
        Tensor in = new Tensor(0, "input", s, in16 ? DType.INT16 : DType.INT8,
                in16 ? QuantParams.perTensor(1f / 3000, 0) : QuantParams.perTensor(0.07f, 5), null, false);
        Tensor out = new Tensor(1, "output", s, outType, QuantParams.perTensor(outScale, outZp), null, false);
        Operator op = new Operator(0, type, new int[] {0}, new int[] {1}, o, new int[0]);
        return new Graph(type.name().toLowerCase() + "_" + outType.label(), List.of(in, out), List.of(op),
                new int[] {0}, new int[] {1}, "0".repeat(63) + "5");
    }

    /** input [3,7] int16 (scale 0.001, zp 0) -&gt; SOFTMAX -&gt; int16 (scale 1/32768, zp 0). */
    public static Graph softmaxInt16() {
        Shape s = Shape.of(3, 7);
        Tensor in = new Tensor(0, "input", s, DType.INT16, QuantParams.perTensor(0.001f, 0), null, false);
        Tensor out = new Tensor(1, "output", s, DType.INT16, QuantParams.perTensor(1f / 32768, 0), null, false);
        Operator op = new Operator(0, OpType.SOFTMAX, new int[] {0}, new int[] {1}, new SoftmaxOptions(1f),
                new int[0]);
        return new Graph("softmax_int16", List.of(in, out), List.of(op), new int[] {0}, new int[] {1},
                "0".repeat(63) + "7");
    }

    /** The single-op graphs with TFLite's required output quantizations, int8 and int16. */
    public static List<Graph> singleOps() {
        return List.of(
                softmaxInt16(),
                unary(OpType.SOFTMAX, new SoftmaxOptions(1f), DType.INT8, 1f / 256, -128),
                unary(OpType.SOFTMAX, new SoftmaxOptions(1f), DType.INT16, 1f / 65536, -32768),
                unary(OpType.LOGISTIC, NoOptions.INSTANCE, DType.INT8, 1f / 256, -128),
                unary(OpType.TANH, NoOptions.INSTANCE, DType.INT8, 1f / 128, 0),
                unary(OpType.LOGISTIC, NoOptions.INSTANCE, DType.INT16, 1f / 32768, 0),
                unary(OpType.TANH, NoOptions.INSTANCE, DType.INT16, 1f / 32768, 0));
    }

    /** input [2,16] -&gt; TANH -&gt; LOGISTIC -&gt; SOFTMAX (beta 2.5) -&gt; output. */
    public static Graph chain() {
        Tensor in = new Tensor(0, "input", Shape.of(2, 16), DType.INT8, QuantParams.perTensor(0.03f, -20), null,
                false);
        Tensor t = new Tensor(1, "tanh", Shape.of(2, 16), DType.INT8, QuantParams.perTensor(1f / 128, 0), null,
                false);
        Tensor l = new Tensor(2, "logistic", Shape.of(2, 16), DType.INT8, QuantParams.perTensor(1f / 256, -128),
                null, false);
        Tensor out = new Tensor(3, "output", Shape.of(2, 16), DType.INT8, QuantParams.perTensor(1f / 256, -128),
                null, false);
        List<Operator> ops = List.of(
                new Operator(0, OpType.TANH, new int[] {0}, new int[] {1}, NoOptions.INSTANCE, new int[0]),
                new Operator(1, OpType.LOGISTIC, new int[] {1}, new int[] {2}, NoOptions.INSTANCE, new int[0]),
                new Operator(2, OpType.SOFTMAX, new int[] {2}, new int[] {3}, new SoftmaxOptions(2.5f), new int[0]));
        return new Graph("activation_chain", List.of(in, t, l, out), ops, new int[] {0}, new int[] {3},
                "0".repeat(63) + "6");
    }
}
