package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.ReducerOptions;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.ops.AddKernel;
import io.tinyforge.refimpl.ops.AveragePool2DKernel;
import io.tinyforge.refimpl.ops.ConcatenationKernel;
import io.tinyforge.refimpl.ops.DequantizeKernel;
import io.tinyforge.refimpl.ops.MaxPool2DKernel;
import io.tinyforge.refimpl.ops.MeanKernel;
import io.tinyforge.refimpl.ops.MulKernel;
import io.tinyforge.refimpl.ops.BasicTestGraph;
import io.tinyforge.refimpl.ops.PadKernel;
import io.tinyforge.refimpl.ops.QuantizeKernel;
import io.tinyforge.refimpl.ops.Relu6Kernel;
import io.tinyforge.refimpl.ops.ReluKernel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every basic operator through emitter, template and runtime-c kernel on the host, byte-compared with the Java
 * reference (both rounding modes); the real-model layers are also compared with TFLM's intermediates.
 */
class BasicOpsHostCTest {

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static <P extends OpParams> void check(String where, Graph g, OpKernel<P> k, OpEmitter<P> e, Rounding r,
            byte[]... inputs) {
        HostC.check(where, g, g.operators().get(0), k, e, r, List.of(inputs));
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void poolsWithSamePaddingAndActivation(Rounding r) {
        for (OpType t : new OpType[] {OpType.AVERAGE_POOL_2D, OpType.MAX_POOL_2D}) {
            BasicTestGraph b = new BasicTestGraph();
            int in = b.input(DType.INT8, 0.05f, -3, 2, 7, 6, 3);
            int out = b.activation(DType.INT8, 0.05f, -3, 2, 4, 3, 3);
            Graph g = b.graph(t, new Pool2DOptions(Padding.SAME, 2, 2, 3, 3, Activation.RELU6), new int[] {in}, out);
            byte[] x = random(2 * 7 * 6 * 3, 1);
            if (t == OpType.AVERAGE_POOL_2D) {
                check("avgpool", g, new AveragePool2DKernel(), new AveragePool2DEmitter(), r, x);
            } else {
                check("maxpool", g, new MaxPool2DKernel(), new MaxPool2DEmitter(), r, x);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void addAndMulFlatAndBroadcast(Rounding r) {
        int[][][] shapes = {
            {{1, 4, 4, 3}, {1, 4, 4, 3}, {1, 4, 4, 3}},
            {{2, 1, 3, 1, 5}, {1, 4, 1, 6, 1}, {2, 4, 3, 6, 5}},
            {{2, 1, 1, 3, 1, 2}, {1, 2, 3, 1, 2, 1}, {2, 2, 3, 3, 2, 2}},
            {{3, 1, 2}, {1}, {3, 1, 2}},
            {{1, 2, 1, 3}, {2, 5, 1}, {1, 2, 5, 3}},
        };
        int seed = 0;
        for (int[][] s : shapes) {
            for (OpType t : new OpType[] {OpType.ADD, OpType.MUL}) {
                if (t == OpType.MUL && s[2].length > 4) {
                    continue;
                }
                BasicTestGraph b = new BasicTestGraph();
                int x = b.input(DType.INT8, 0.0407f, -2, s[0]);
                int y = b.input(DType.INT8, 0.0913f, 7, s[1]);
                int o = b.activation(DType.INT8, t == OpType.ADD ? 0.0583f : 0.021f, -3, s[2]);
                Graph g = b.graph(t, new ActivationOptions(seed % 2 == 0 ? Activation.NONE : Activation.RELU),
                        new int[] {x, y}, o);
                byte[] xa = random((int) g.tensor(x).shape().elements(), ++seed);
                byte[] ya = random((int) g.tensor(y).shape().elements(), ++seed);
                if (t == OpType.ADD) {
                    check("add " + java.util.Arrays.deepToString(s), g, new AddKernel(), new AddEmitter(), r, xa, ya);
                } else {
                    check("mul " + java.util.Arrays.deepToString(s), g, new MulKernel(), new MulEmitter(), r, xa, ya);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void padConcatenationAndMean(Rounding r) {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(DType.INT8, 0.1f, 9, 1, 3, 2, 2);
        int pads = b.constInt32(new int[] {4, 2}, 0, 1, 2, 0, 1, 1, 0, 3);
        int out = b.activation(DType.INT8, 0.1f, 9, 2, 5, 4, 5);
        Graph g = b.graph(OpType.PAD, NoOptions.INSTANCE, new int[] {in, pads}, out);
        check("pad", g, new PadKernel(), new PadEmitter(), r, random(12, 5));

        b = new BasicTestGraph();
        int x = b.input(DType.INT8, 0.1f, 0, 2, 3, 2);
        int y = b.input(DType.INT8, 0.1f, 0, 2, 1, 2);
        int z = b.input(DType.INT8, 0.1f, 0, 2, 4, 2);
        out = b.activation(DType.INT8, 0.1f, 0, 2, 8, 2);
        g = b.graph(OpType.CONCATENATION, new ConcatenationOptions(1, Activation.NONE), new int[] {x, y, z}, out);
        check("concat", g, new ConcatenationKernel(), new ConcatenationEmitter(), r, random(12, 6), random(4, 7),
                random(16, 8));

        int[][][] means = {{{1, 5, 7, 3}, {1, 2}, {1, 1, 1, 3}}, {{2, 3, 4}, {-1, 0}, {3}}, {{4, 6}, {0, 1}, {1, 1}}};
        for (int[][] m : means) {
            b = new BasicTestGraph();
            in = b.input(DType.INT8, 0.031f, -11, m[0]);
            int ax = b.constInt32(new int[] {m[1].length}, m[1]);
            out = b.activation(DType.INT8, 0.017f, 4, m[2]);
            g = b.graph(OpType.MEAN, new ReducerOptions(m[2].length == m[0].length), new int[] {in, ax}, out);
            check("mean " + java.util.Arrays.deepToString(m), g, new MeanKernel(), new MeanEmitter(), r,
                    random((int) g.tensor(in).shape().elements(), 9));
        }
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void activationsAndQuantizeConversions(Rounding r) {
        byte[] x8 = new byte[256];
        for (int i = 0; i < 256; i++) {
            x8[i] = (byte) i;
        }
        Graph g = unary(OpType.RELU, DType.INT8, 0.07f, -5, DType.INT8, 0.03f, -100, 256);
        check("relu", g, new ReluKernel(), new ReluEmitter(), r, x8);
        g = unary(OpType.RELU6, DType.INT8, 0.03f, -100, DType.INT8, 0.03f, -100, 256);
        check("relu6", g, new Relu6Kernel(), new Relu6Emitter(), r, x8);
        DType[][] pairs = {{DType.INT8, DType.INT8}, {DType.INT8, DType.INT16}, {DType.INT8, DType.INT32},
            {DType.INT16, DType.INT8}, {DType.INT16, DType.INT16}, {DType.INT16, DType.INT32}};
        for (DType[] p : pairs) {
            g = unary(OpType.QUANTIZE, p[0], 0.0123f, p[0] == DType.INT8 ? 3 : 0, p[1], 0.0029f,
                    p[1] == DType.INT8 ? -7 : 0, 512);
            check("requantize " + p[0] + "->" + p[1], g, new QuantizeKernel(), new QuantizeEmitter(), r,
                    random(512 * p[0].size(), 10));
        }
        ByteBuffer f = ByteBuffer.allocate(4 * 512).order(ByteOrder.LITTLE_ENDIAN);
        Random rnd = new Random(12);
        for (int i = 0; i < 512; i++) {
            // exact ties (k + 0.5) * scale, random values, extremes and NaN
            float v = i < 100 ? (i - 50 + 0.5f) * 0.25f : i == 100 ? Float.NaN : i == 101 ? 1e30f : i == 102 ? -1e30f
                    : (float) (rnd.nextGaussian() * 40);
            f.putFloat(v);
        }
        for (DType to : new DType[] {DType.INT8, DType.INT16}) {
            g = unary(OpType.QUANTIZE, DType.FLOAT32, 0f, 0, to, 0.25f, to == DType.INT8 ? 3 : 0, 512);
            check("quantize f32->" + to, g, new QuantizeKernel(), new QuantizeEmitter(), r, f.array());
            g = unary(OpType.QUANTIZE, DType.FLOAT32, 0f, 0, to, 0.0173f, to == DType.INT8 ? -9 : 0, 512);
            check("quantize f32->" + to + " odd scale", g, new QuantizeKernel(), new QuantizeEmitter(), r, f.array());
        }
        g = unary(OpType.DEQUANTIZE, DType.INT8, 0.0173f, -9, DType.FLOAT32, 0f, 0, 256);
        check("dequantize s8", g, new DequantizeKernel(), new DequantizeEmitter(), r, x8);
        g = unary(OpType.DEQUANTIZE, DType.INT16, 0.00061f, 0, DType.FLOAT32, 0f, 0, 256);
        check("dequantize s16", g, new DequantizeKernel(), new DequantizeEmitter(), r, random(512, 13));
    }

    private static Graph unary(OpType t, DType di, float si, int zi, DType dout, float so, int zo, int n) {
        BasicTestGraph b = new BasicTestGraph();
        int in = b.input(di, si, zi, n);
        int out = b.activation(dout, so, zo, n);
        return b.graph(t, NoOptions.INSTANCE, new int[] {in}, out);
    }

    @ParameterizedTest
    @EnumSource(value = OpType.class, names = {"ADD", "AVERAGE_POOL_2D", "QUANTIZE"})
    void realModelLayersInCMatchTflmIntermediates(OpType type) {
        SharedModels.require();
        List<String> models = type == OpType.ADD ? List.of("tflm_simple_add_int8")
                : type == OpType.QUANTIZE ? List.of("tflm_keyword_scrambled_8bit")
                : List.of("mlperf_tiny_kws_ref_int8", "mlperf_tiny_vww_96_int8");
        for (String model : models) {
            Graph g = TfliteImporter.load(SharedModels.model(model));
            Golden gold = SharedModels.golden(model);
            for (Operator op : g.operators()) {
                if (op.type() != type) {
                    continue;
                }
                List<byte[]> ins = new ArrayList<>();
                for (int in : op.inputs()) {
                    if (in >= 0 && !g.tensor(in).isConstant()) {
                        ins.add(intermediate(gold, in));
                    }
                }
                String where = model + " op" + op.index() + " " + type;
                byte[] out = runReal(where, g, op, ins);
                Bytes.assertSame(where + " (host C vs TFLM)", intermediate(gold, op.output(0)), out,
                        g.tensor(op.output(0)).dtype().size());
            }
        }
    }

    private static byte[] runReal(String where, Graph g, Operator op, List<byte[]> ins) {
        switch (op.type()) {
            case ADD:
                return HostC.check(where, g, op, new AddKernel(), new AddEmitter(), Rounding.DOUBLE, ins);
            case AVERAGE_POOL_2D:
                return HostC.check(where, g, op, new AveragePool2DKernel(), new AveragePool2DEmitter(), Rounding.DOUBLE,
                        ins);
            default:
                return HostC.check(where, g, op, new QuantizeKernel(), new QuantizeEmitter(), Rounding.DOUBLE, ins);
        }
    }

    private static byte[] intermediate(Golden gold, int tensor) {
        for (Golden.Intermediate t : gold.intermediates()) {
            if (t.tensorIndex() == tensor) {
                return gold.intermediate(t);
            }
        }
        throw new AssertionError(gold.model() + ": no golden for tensor " + tensor);
    }
}
