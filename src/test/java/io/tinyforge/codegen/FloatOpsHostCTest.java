package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.ReducerOptions;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FloatRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded synthetic float graph covering the float kernels the shared models do not use: per-channel hybrid
 * CONV_2D (asymmetric input quantization, as TFLite's per-channel path) and FULLY_CONNECTED, a hybrid
 * FULLY_CONNECTED with asymmetricQuantizeInputs, float MUL and ADD (broadcast), MAX_POOL_2D with fused RELU, RELU6, LOGISTIC
 * (inputs past TFLite's cut-offs), TANH, SOFTMAX with beta != 1, PAD, CONCATENATION and MEAN. Written to
 * .tflite and re-read; host C must equal Java byte for byte; LOGISTIC and TANH are also checked against their
 * formulas in double and SOFTMAX for summing to 1 (sanity).
 */
class FloatOpsHostCTest {
    private static final int VECTORS = 4;

    @TempDir
    Path tmp;

    @Test
    void syntheticFloatGraphRunsIdenticallyInJavaAndC() throws Exception {
        Graph g = TfliteImporter.parse(TfliteWriter.write(graph()), "float_ops", "FloatOpsHostCTest");
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("m", "FloatOpsHostCTest");
        CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        String modelC = Files.readString(tmp.resolve("gen/model.c"));
        for (String fn : new String[] {"tfg_conv2d_hybrid_s8", "tfg_maxpool_f32", "tfg_relu_f32", "tfg_logistic_f32",
            "tfg_tanh_f32", "tfg_fully_connected_hybrid_s8", "tfg_softmax_f32", "tfg_mul_f32", "tfg_add_f32", "tfg_pad_f32",
            "tfg_concat_f32", "tfg_mean_f32"}) {
            assertTrue(modelC.contains(fn + "("), "model.c calls " + fn);
        }
        HostProgram p = HostBuild.compile(tmp.resolve("gen"), CodeGenerator.harness(m, opt), tmp.resolve("build"));
        int floats = (int) (g.inputRecordBytes() / 4);
        byte[] inputs = FloatRecords.uniform(7, VECTORS, floats, -3.0, 3.0);
        byte[] out = p.run(inputs);
        int n = (int) g.outputRecordBytes();
        assertEquals(VECTORS * n, out.length);
        Interpreter java = new Interpreter(m);
        boolean pastCutoffs = false;
        for (int v = 0; v < VECTORS; v++) {
            byte[] expected = java.run(Arrays.copyOfRange(inputs, v * floats * 4, (v + 1) * floats * 4));
            Bytes.assertSame("float ops vector " + v + " host C vs Java (outputs in order: logistic 144, tanh 144,"
                    + " relu6 36, softmax 5, add 144, pad 80, concat 72, mean 4, asymmetric hybrid fc 3 floats)", expected, Arrays.copyOfRange(out, v * n, (v + 1) * n), 4);
            pastCutoffs |= checkFormulas(java, g);
        }
        assertTrue(pastCutoffs, "some LOGISTIC input lies beyond TFLite's cut-offs (-9, 16.62)");
    }

    /** Logistic and tanh against their formulas in double, softmax summing to 1; true if past a cut-off. */
    private static boolean checkFormulas(Interpreter java, Graph g) {
        float[] conv = FloatRecords.floats(java.store().bytes(indexOf(g, "conv")));
        float[] logistic = FloatRecords.floats(java.store().bytes(g.outputs()[0]));
        float[] tanh = FloatRecords.floats(java.store().bytes(g.outputs()[1]));
        boolean pastCutoffs = false;
        for (int i = 0; i < conv.length; i++) {
            double x = conv[i] * 4.0f;
            pastCutoffs |= x > 16.62 || x < -9;
            assertEquals(1 / (1 + Math.exp(-x)), logistic[i], 1e-6, "logistic(" + x + ")");
            assertEquals(Math.tanh(conv[i]), tanh[i], 3e-7, "tanh(" + conv[i] + ")");
        }
        float[] soft = FloatRecords.floats(java.store().bytes(g.outputs()[3]));
        double sum = 0;
        for (float s : soft) {
            sum += s;
        }
        assertEquals(1.0, sum, 1e-5, "softmax sums to 1");
        return pastCutoffs;
    }

    private static int indexOf(Graph g, String name) {
        return g.tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().index();
    }

    /** input [1,6,6,3] -> hybrid conv 3x3 (per-channel int8, 4 out) -> {x4 -> logistic, tanh, maxpool(relu) ->
     * relu6 -> reshape -> hybrid fc (per-channel, 5 out) -> softmax(beta 0.5)}. */
    private static Graph graph() {
        SplitMix64 r = new SplitMix64(11);
        GraphBuilder b = new GraphBuilder("float_ops");
        int x = b.tensor("input", Shape.of(1, 6, 6, 3), DType.FLOAT32, null);
        byte[] cw = new byte[4 * 3 * 3 * 3];
        for (int i = 0; i < cw.length; i++) {
            cw[i] = (byte) (r.next() % 128);
        }
        int w = b.constInt8("conv_w", Shape.of(4, 3, 3, 3), new QuantParams(new float[] {0.01f, 0.02f, 0.015f,
            0.03f}, new long[4], 0), cw);
        int cb = b.constant("conv_b", Shape.of(4), DType.FLOAT32, null, FloatRecords.record(new float[] {0.5f,
            -0.25f, 0f, 1f}));
        int conv = b.tensor("conv", Shape.of(1, 6, 6, 4), DType.FLOAT32, null);
        b.op(OpType.CONV_2D, new Conv2DOptions(Padding.SAME, 1, 1, 1, 1, Activation.NONE), new int[] {x, w, cb},
                new int[] {conv});
        int four = b.constant("four", Shape.of(1), DType.FLOAT32, null, FloatRecords.record(new float[] {4f}));
        int big = b.tensor("big", Shape.of(1, 6, 6, 4), DType.FLOAT32, null);
        b.op(OpType.MUL, new ActivationOptions(Activation.NONE), new int[] {conv, four}, new int[] {big});
        int lg = b.tensor("logistic", Shape.of(1, 6, 6, 4), DType.FLOAT32, null);
        b.op(OpType.LOGISTIC, new NoOptions(), new int[] {big}, new int[] {lg});
        int th = b.tensor("tanh", Shape.of(1, 6, 6, 4), DType.FLOAT32, null);
        b.op(OpType.TANH, new NoOptions(), new int[] {conv}, new int[] {th});
        int mp = b.tensor("maxpool", Shape.of(1, 3, 3, 4), DType.FLOAT32, null);
        b.op(OpType.MAX_POOL_2D, new Pool2DOptions(Padding.VALID, 2, 2, 2, 2, Activation.RELU), new int[] {conv},
                new int[] {mp});
        int r6 = b.tensor("relu6", Shape.of(1, 3, 3, 4), DType.FLOAT32, null);
        b.op(OpType.RELU6, new NoOptions(), new int[] {mp}, new int[] {r6});
        int flat = b.tensor("flat", Shape.of(1, 36), DType.FLOAT32, null);
        b.op(OpType.RESHAPE, new ReshapeOptions(new int[] {1, 36}), new int[] {r6}, new int[] {flat});
        byte[] fw = new byte[5 * 36];
        for (int i = 0; i < fw.length; i++) {
            fw[i] = (byte) (r.next() % 100);
        }
        int fcw = b.constInt8("fc_w", Shape.of(5, 36), new QuantParams(new float[] {0.01f, 0.005f, 0.02f, 0.01f,
            0.04f}, new long[5], 0), fw);
        int fc = b.tensor("fc", Shape.of(1, 5), DType.FLOAT32, null);
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.NONE, false, false),
                new int[] {flat, fcw, -1}, new int[] {fc});
        int sm = b.tensor("softmax", Shape.of(1, 5), DType.FLOAT32, null);
        b.op(OpType.SOFTMAX, new SoftmaxOptions(0.5f), new int[] {fc}, new int[] {sm});
        int vec = b.constant("vec", Shape.of(4), DType.FLOAT32, null, FloatRecords.record(new float[] {-1f, 0.5f,
            2f, 7f}));
        int added = b.tensor("add", Shape.of(1, 6, 6, 4), DType.FLOAT32, null);
        b.op(OpType.ADD, new ActivationOptions(Activation.RELU6), new int[] {conv, vec}, new int[] {added});
        int pads = b.constInt32("pads", Shape.of(4, 2), null, 0, 0, 1, 1, 1, 0, 0, 0);
        int padded = b.tensor("pad", Shape.of(1, 5, 4, 4), DType.FLOAT32, null);
        b.op(OpType.PAD, new NoOptions(), new int[] {mp, pads}, new int[] {padded});
        int cat = b.tensor("concat", Shape.of(1, 3, 3, 8), DType.FLOAT32, null);
        b.op(OpType.CONCATENATION, new ConcatenationOptions(3, Activation.NONE), new int[] {mp, r6},
                new int[] {cat});
        int axes = b.constInt32("axes", Shape.of(2), null, 1, 2);
        int mean = b.tensor("mean", Shape.of(1, 1, 1, 4), DType.FLOAT32, null);
        b.op(OpType.MEAN, new ReducerOptions(true), new int[] {conv, axes}, new int[] {mean});
        byte[] aw = new byte[3 * 36];
        for (int i = 0; i < aw.length; i++) {
            aw[i] = (byte) (r.next() % 128);
        }
        int fcaw = b.constInt8("fc_asym_w", Shape.of(3, 36), QuantParams.perTensor(0.02f, 0), aw);
        int fcab = b.constant("fc_asym_b", Shape.of(3), DType.FLOAT32, null, FloatRecords.record(new float[] {0.1f,
            -0.2f, 0.3f}));
        int fca = b.tensor("fc_asym", Shape.of(1, 3), DType.FLOAT32, null);
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(Activation.RELU, false, true),
                new int[] {flat, fcaw, fcab}, new int[] {fca});
        return b.inputs(x).outputs(lg, th, r6, sm, added, padded, cat, mean, fca).build();
    }
}
