package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import io.tinyforge.testing.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime-c kernels (tfg_conv2d_s8, tfg_depthwise_conv2d_s8, tfg_fully_connected_s8), compiled on the host
 * with {@code gcc -std=c99 -Wall -Wextra -Werror -pedantic}, equal the Java reference byte for byte on random
 * small cases covering padding, strides, dilation, groups, depth multipliers, batches, per-tensor and
 * per-channel weights, missing bias and every activation, in both rounding modes. Skipped without gcc.
 */
class ConvKernelsHostCTest {

    private static final int CASES_PER_KIND = 150;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void cKernelsMatchTheReferenceOnRandomCases(Rounding rounding) throws Exception {
        Path exe = build(rounding);
        Random r = new Random(20261128L + rounding.ordinal());
        PrepareContext ctx = new PrepareContext(rounding);
        int checked = 0;
        for (int i = 0; i < CASES_PER_KIND; i++) {
            checked += check(exe, "conv case " + i, conv(r), ctx);
            checked += check(exe, "depthwise case " + i, depthwise(r), ctx);
            checked += check(exe, "fully connected case " + i, fullyConnected(r), ctx);
        }
        assertEquals(3 * CASES_PER_KIND, checked);
    }

    private Path build(Rounding rounding) throws Exception {
        Path root = Path.of("runtime-c").toAbsolutePath();
        Files.writeString(tmp.resolve("tfg_config.h"), "#define TFG_SINGLE_ROUNDING "
                + (rounding == Rounding.SINGLE ? 1 : 0) + "\n");
        Path exe = tmp.resolve("conv_case_runner");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-O2", "-I" + root.resolve("include"), "-I" + tmp, "-o", exe.toString(),
                root.resolve("tests/conv/conv_case_runner.c").toString()));
        for (String f : List.of("tfg_conv2d_s8.c", "tfg_depthwise_conv2d_s8.c", "tfg_fully_connected_s8.c")) {
            cmd.add(root.resolve("src/conv").resolve(f).toString());
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: gcc not found (" + e.getMessage() + ")");
            return null;
        }
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "gcc failed:\n" + log);
        return exe;
    }

    private static Activation activation(Random r) {
        Activation[] a = {Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1};
        return a[r.nextInt(a.length)];
    }

    private static float scale(Random r, float lo, float hi) {
        return lo + r.nextFloat() * (hi - lo);
    }

    private static int[] randomInts(Random r, int n, int lo, int hi) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + r.nextInt(hi - lo + 1);
        }
        return v;
    }

    private static float[] weightScales(Random r, int channels) {
        int n = r.nextBoolean() ? channels : 1;
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            s[i] = scale(r, 0.002f, 0.02f);
        }
        return s;
    }

    private static int outSize(Padding p, int in, int k, int stride, int dil) {
        int eff = (k - 1) * dil + 1;
        return p == Padding.SAME ? (in + stride - 1) / stride : (in + stride - eff) / stride;
    }

    private record Case(Graph graph, byte[] input) {
    }

    private static Case conv(Random r) {
        while (true) {
            int n = 1 + r.nextInt(2);
            int h = 1 + r.nextInt(9);
            int w = 1 + r.nextInt(9);
            int groups = r.nextInt(4) == 0 ? 2 : 1;
            int fc = 1 + r.nextInt(6);
            int inC = fc * groups;
            int outC = groups * (1 + r.nextInt(5));
            int kh = 1 + r.nextInt(4);
            int kw = 1 + r.nextInt(4);
            int sh = 1 + r.nextInt(3);
            int sw = 1 + r.nextInt(3);
            int dh = 1 + r.nextInt(2);
            int dw = 1 + r.nextInt(2);
            Padding pad = r.nextBoolean() ? Padding.SAME : Padding.VALID;
            int oh = outSize(pad, h, kh, sh, dh);
            int ow = outSize(pad, w, kw, sw, dw);
            if (oh <= 0 || ow <= 0) {
                continue;
            }
            ConvTestGraph b = new ConvTestGraph();
            int in = b.activation(new int[] {n, h, w, inC}, scale(r, 0.01f, 0.1f), r.nextInt(256) - 128);
            int wt = b.weights(new int[] {outC, kh, kw, fc}, weightScales(r, outC), 0,
                    randomInts(r, outC * kh * kw * fc, -127, 127));
            int bias = r.nextInt(4) == 0 ? -1 : b.bias(0f, randomInts(r, outC, -3000, 3000));
            int out = b.activation(new int[] {n, oh, ow, outC}, scale(r, 0.02f, 0.3f), r.nextInt(256) - 128);
            Graph g = b.graph(OpType.CONV_2D, new Conv2DOptions(pad, sw, sh, dw, dh, activation(r)),
                    new int[] {in, wt, bias}, out);
            return new Case(g, bytes(randomInts(r, n * h * w * inC, -128, 127)));
        }
    }

    private static Case depthwise(Random r) {
        while (true) {
            int n = 1 + r.nextInt(2);
            int h = 1 + r.nextInt(9);
            int w = 1 + r.nextInt(9);
            int inC = r.nextInt(3) == 0 ? 33 + r.nextInt(40) : 1 + r.nextInt(6);
            int dm = r.nextInt(3) == 0 ? 2 + r.nextInt(2) : 1;
            int outC = inC * dm;
            int kh = 1 + r.nextInt(4);
            int kw = 1 + r.nextInt(4);
            int sh = 1 + r.nextInt(3);
            int sw = 1 + r.nextInt(3);
            int dh = 1 + r.nextInt(2);
            int dw = 1 + r.nextInt(2);
            Padding pad = r.nextBoolean() ? Padding.SAME : Padding.VALID;
            int oh = outSize(pad, h, kh, sh, dh);
            int ow = outSize(pad, w, kw, sw, dw);
            if (oh <= 0 || ow <= 0) {
                continue;
            }
            ConvTestGraph b = new ConvTestGraph();
            int in = b.activation(new int[] {n, h, w, inC}, scale(r, 0.01f, 0.1f), r.nextInt(256) - 128);
            int wt = b.weights(new int[] {1, kh, kw, outC}, weightScales(r, outC), 3,
                    randomInts(r, outC * kh * kw, -127, 127));
            int bias = r.nextInt(4) == 0 ? -1 : b.bias(0f, randomInts(r, outC, -3000, 3000));
            int out = b.activation(new int[] {n, oh, ow, outC}, scale(r, 0.02f, 0.3f), r.nextInt(256) - 128);
            Graph g = b.graph(OpType.DEPTHWISE_CONV_2D,
                    new DepthwiseConv2DOptions(pad, sw, sh, dm, dw, dh, activation(r)), new int[] {in, wt, bias}, out);
            return new Case(g, bytes(randomInts(r, n * h * w * inC, -128, 127)));
        }
    }

    private static Case fullyConnected(Random r) {
        int batches = 1 + r.nextInt(3);
        int depth = 1 + r.nextInt(70);
        int outD = 1 + r.nextInt(12);
        ConvTestGraph b = new ConvTestGraph();
        float sIn = scale(r, 0.01f, 0.1f);
        int in = b.activation(new int[] {batches, depth}, sIn, r.nextInt(256) - 128);
        float[] ws = weightScales(r, outD);
        int wt;
        int[] wv = randomInts(r, outD * depth, -127, 127);
        if (ws.length == 1 && r.nextInt(3) == 0) {
            // per-tensor weights with a non-zero zero point exercise the filter_offset path
            byte[] data = bytes(wv);
            wt = b.add(new io.tinyforge.ir.Tensor(b.nextIndex(), "w", io.tinyforge.ir.Shape.of(outD, depth),
                    io.tinyforge.ir.DType.INT8, io.tinyforge.ir.QuantParams.perTensor(ws[0], r.nextInt(21) - 10),
                    data, false));
        } else {
            wt = b.weights(new int[] {outD, depth}, ws, 0, wv);
        }
        int bias = r.nextInt(4) == 0 ? -1 : b.bias(sIn * ws[0], randomInts(r, outD, -3000, 3000));
        int out = b.activation(new int[] {batches, outD}, scale(r, 0.02f, 0.3f), r.nextInt(256) - 128);
        Graph g = b.graph(OpType.FULLY_CONNECTED, new FullyConnectedOptions(activation(r), false, false),
                new int[] {in, wt, bias}, out);
        return new Case(g, bytes(randomInts(r, batches * depth, -128, 127)));
    }

    private static byte[] bytes(int[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** Runs the case through the Java reference and the C driver; returns 1 when they agree. */
    private int check(Path exe, String where, Case c, PrepareContext ctx) throws Exception {
        Graph g = c.graph();
        TensorStore store = new TensorStore(g);
        int inIdx = g.operators().get(0).input(0);
        System.arraycopy(c.input(), 0, store.bytes(inIdx), 0, c.input().length);
        byte[] expected;
        byte[] caseBytes;
        switch (g.operators().get(0).type()) {
            case CONV_2D -> {
                Conv2DKernel k = new Conv2DKernel();
                Conv2DParams p = k.prepare(g, g.operators().get(0), ctx);
                k.eval(p, store);
                expected = store.bytes(p.output());
                caseBytes = encode(0, new int[] {p.batches(), p.inH(), p.inW(), p.inC(), p.outC(), p.filterH(),
                    p.filterW(), p.filterC(), p.batches(), p.outH(), p.outW(), p.outC(), p.strideH(), p.strideW(),
                    p.dilationH(), p.dilationW(), p.padH(), p.padW(), p.inputOffset(), p.outputOffset(),
                    p.actMin(), p.actMax(), 0}, store, p.input(), p.filter(), p.bias(), p.outC(), p.multipliers(),
                        p.shifts(), expected.length);
            }
            case DEPTHWISE_CONV_2D -> {
                DepthwiseConv2DKernel k = new DepthwiseConv2DKernel();
                DepthwiseConv2DParams p = k.prepare(g, g.operators().get(0), ctx);
                k.eval(p, store);
                expected = store.bytes(p.output());
                caseBytes = encode(1, new int[] {p.batches(), p.inH(), p.inW(), p.inC(), 1, p.filterH(),
                    p.filterW(), p.outC(), p.batches(), p.outH(), p.outW(), p.outC(), p.strideH(), p.strideW(),
                    p.dilationH(), p.dilationW(), p.padH(), p.padW(), p.inputOffset(), p.outputOffset(),
                    p.actMin(), p.actMax(), p.depthMultiplier()}, store, p.input(), p.filter(), p.bias(), p.outC(),
                        p.multipliers(), p.shifts(), expected.length);
            }
            default -> {
                FullyConnectedKernel k = new FullyConnectedKernel();
                FullyConnectedParams p = k.prepare(g, g.operators().get(0), ctx);
                k.eval(p, store);
                expected = store.bytes(p.output());
                int[] words = new int[23];
                int[] head = {p.batches(), p.accumDepth(), p.outDepth(), p.inputOffset(), p.filterOffset(),
                    p.outputOffset(), p.perChannel() ? 1 : 0, p.actMin(), p.actMax()};
                System.arraycopy(head, 0, words, 0, head.length);
                caseBytes = encode(2, words, store, p.input(), p.filter(), p.bias(), p.outDepth(), p.multipliers(),
                        p.shifts(), expected.length);
            }
        }
        Process proc = new ProcessBuilder(exe.toString()).start();
        proc.getOutputStream().write(caseBytes);
        proc.getOutputStream().close();
        byte[] actual = proc.getInputStream().readAllBytes();
        String err = new String(proc.getErrorStream().readAllBytes());
        proc.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, proc.exitValue(), where + ": C driver failed: " + err);
        Bytes.assertSame(where + " (" + g.operators().get(0).type() + " " + g.tensor(inIdx) + ")", expected, actual,
                1);
        return 1;
    }

    private static byte[] encode(int kind, int[] words, TensorStore s, int input, int filter, int bias, int channels,
            int[] mult, int[] shift, int outputBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int nBias = bias < 0 ? 0 : channels;
        ByteBuffer head = ByteBuffer.allocate(4 * (1 + 23 + 5)).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(kind);
        for (int wd : words) {
            head.putInt(wd);
        }
        head.putInt(s.bytes(input).length).putInt(s.bytes(filter).length).putInt(nBias).putInt(mult.length)
                .putInt(outputBytes);
        out.writeBytes(head.array());
        out.writeBytes(s.bytes(input));
        out.writeBytes(s.bytes(filter));
        ByteBuffer tail = ByteBuffer.allocate(4 * (nBias + 2 * mult.length)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < nBias; i++) {
            tail.putInt(s.int32(bias, i));
        }
        for (int m : mult) {
            tail.putInt(m);
        }
        for (int sh : shift) {
            tail.putInt(sh);
        }
        out.writeBytes(tail.array());
        return out.toByteArray();
    }
}
