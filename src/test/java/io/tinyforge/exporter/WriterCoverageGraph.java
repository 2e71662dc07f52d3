package io.tinyforge.exporter;

import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.LstmOptions;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.ReducerOptions;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.SvdfOptions;

/**
 * A graph that is not meant to run: it uses every OpType with non-default options and every tensor feature
 * the writer must keep (all dtypes, per-tensor and per-channel quantization on a non-zero axis, variable
 * tensors, constants, omitted optional inputs, intermediates), so a round trip exercises all of them.
 */
final class WriterCoverageGraph {
    private WriterCoverageGraph() {
    }

    /** A fresh int8 output tensor (every tensor has at most one writer). */
    private static int o(GraphBuilder b, int n) {
        return b.tensor("out" + n, Shape.of(1, 4, 4, 2), DType.INT8, QuantParams.perTensor(0.125f, 7));
    }

    private static int fo(GraphBuilder b) {
        return b.tensor("fout", Shape.of(1, 4, 4, 2), DType.FLOAT32, null);
    }

    static Graph build() {
        GraphBuilder b = new GraphBuilder("writer_coverage");
        QuantParams q = QuantParams.perTensor(0.05f, -3);
        int x = b.tensor("x", Shape.of(1, 4, 4, 2), DType.INT8, q);
        int y = b.tensor("y", Shape.of(1, 4, 4, 2), DType.INT8, QuantParams.perTensor(0.125f, 7));
        int wq = b.constInt8("w_dw", Shape.of(1, 3, 3, 2),
                new QuantParams(new float[] {0.01f, 0.02f}, new long[] {0, 0}, 3), new byte[18]);
        int bias = b.constInt32("bias", Shape.of(2),
                new QuantParams(new float[] {0.0005f, 0.001f}, new long[] {0, 0}, 0), 5, -7);
        int f = b.tensor("f", Shape.of(1, 4), DType.FLOAT32, null);
        int i16 = b.tensor("i16", Shape.of(1, 4), DType.INT16, QuantParams.perTensor(1f / 32768, 0));
        int i64 = b.constant("i64", Shape.of(1), DType.INT64, null, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        int u8 = b.tensor("u8", Shape.of(2), DType.UINT8, QuantParams.perTensor(0.5f, 128));
        int bool = b.tensor("bool", Shape.of(2), DType.BOOL, null);
        int f16 = b.tensor("f16", Shape.of(2), DType.FLOAT16, null);
        int state = b.variable("state", Shape.of(1, 8), DType.INT16, QuantParams.perTensor(0.25f, 0));
        int scalar = b.tensor("scalar", Shape.of(), DType.INT32, null);
        int[] xy = {x, y};

        b.op(OpType.ADD, new ActivationOptions(Activation.RELU6), new int[] {x, y}, new int[] {o(b, 1)});
        b.op(OpType.AVERAGE_POOL_2D, new Pool2DOptions(Padding.SAME, 2, 3, 4, 5, Activation.RELU), new int[] {x},
                new int[] {o(b, 2)});
        b.op(OpType.CONCATENATION, new ConcatenationOptions(-1, Activation.RELU_N1_TO_1), xy, new int[] {o(b, 3)});
        b.op(OpType.CONV_2D, new Conv2DOptions(Padding.VALID, 2, 1, 1, 2, Activation.TANH),
                new int[] {x, wq, -1}, new int[] {o(b, 4)});
        b.op(OpType.DEPTHWISE_CONV_2D, new DepthwiseConv2DOptions(Padding.SAME, 1, 2, 2, 3, 1, Activation.SIGN_BIT),
                new int[] {x, wq, bias}, new int[] {o(b, 5)});
        b.op(OpType.DEQUANTIZE, NoOptions.INSTANCE, new int[] {x}, new int[] {fo(b)});
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.RELU, true, true),
                new int[] {x, wq, -1}, new int[] {o(b, 6)});
        b.op(OpType.LOGISTIC, NoOptions.INSTANCE, new int[] {x}, new int[] {o(b, 7)});
        b.op(OpType.MAX_POOL_2D, new Pool2DOptions(Padding.VALID, 1, 1, 2, 2, Activation.NONE), new int[] {x},
                new int[] {o(b, 8)});
        b.op(OpType.MEAN, new ReducerOptions(true), new int[] {x, bias}, new int[] {o(b, 9)});
        b.op(OpType.MUL, new ActivationOptions(Activation.RELU), xy, new int[] {o(b, 10)});
        b.op(OpType.PAD, NoOptions.INSTANCE, new int[] {x, bias}, new int[] {o(b, 11)});
        b.op(OpType.QUANTIZE, NoOptions.INSTANCE, new int[] {f}, new int[] {o(b, 100)});
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {x}, new int[] {o(b, 12)});
        b.op(OpType.RELU6, NoOptions.INSTANCE, new int[] {x}, new int[] {o(b, 13)});
        b.op(OpType.RESHAPE, new ReshapeOptions(new int[] {1, -1}), new int[] {x, bias}, new int[] {o(b, 14)});
        b.op(OpType.RESHAPE, new ReshapeOptions(new int[0]), new int[] {x}, new int[] {o(b, 15)});
        b.op(OpType.SOFTMAX, new SoftmaxOptions(0.5f), new int[] {x}, new int[] {o(b, 16)});
        b.op(OpType.SVDF, new SvdfOptions(2, Activation.RELU, true), new int[] {x, wq, wq, -1, state},
                new int[] {o(b, 17)});
        b.op(OpType.TANH, NoOptions.INSTANCE, new int[] {i16}, new int[] {o(b, 101)});
        b.op(OpType.UNIDIRECTIONAL_SEQUENCE_LSTM, new LstmOptions(Activation.TANH, 1.5f, 0.25f, true, true, true),
                new int[] {x, -1, wq, wq, wq, -1, wq, wq, wq, -1, -1, -1, -1, bias, bias, bias, -1, -1, state, i64, u8,
                    bool, f16, scalar},
                new int[] {o(b, 18)}, new int[] {i16, f});
        return b.inputs(x, y, f, i16).outputs(b.tensors() - 1).build();
    }
}
