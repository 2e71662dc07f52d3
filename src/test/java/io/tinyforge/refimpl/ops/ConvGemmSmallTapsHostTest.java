package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gather paths of {@code tfg_conv2d_gemm_s8} added for small channel counts equal the Java reference byte for
 * byte on the host, with the portable kernels and with the DSP algorithms emulated ({@code TFG_DSP_EMULATE}):
 * the small-receptive-field path (at most 32 taps: per-tap offset table, running pixel coordinates, interior and
 * border pixels) on random one- to three-channel convolutions, and the row-widening path (kernel rows of whole
 * groups of four taps, rows above/below the input) on four- and eight-channel ones; SAME/VALID padding, strides
 * 1-2, dilation 1-2, batches 1-2 and pixel counts that are not multiples of four. Skipped without gcc.
 */
class ConvGemmSmallTapsHostTest {

    private static final int CASES = 8;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "dsp emulated {0}")
    @ValueSource(booleans = {false, true})
    void smallTapConvsEqualTheJavaReference(boolean dsp) throws Exception {
        assumeGcc();
        Random r = new Random(20261128L + (dsp ? 1 : 0));
        for (int i = 0; i < CASES; i++) {
            Graph g = conv(r, i);
            PreparedModel m = PreparedModel.prepare(g);
            String name = "smalltaps" + i;
            GeneratorOptions opt = new GeneratorOptions(name, "ConvGemmSmallTapsHostTest case " + i);
            Path dir = tmp.resolve((dsp ? "dsp" : "plain") + i);
            GeneratedModel gm = CodeGenerator.generate(m, opt, dir.resolve("gen"));
            String modelC = Files.readString(gm.dir().resolve("model.c"));
            assertTrue(modelC.contains("tfg_conv2d_gemm_s8"), "case " + i + ": the GEMM conv kernel is used");
            if (dsp) {
                Files.writeString(gm.dir().resolve("tfg_config.h"), "\n#define TFG_DSP_EMULATE 1\n",
                        StandardOpenOption.APPEND);
            }
            int in = (int) g.inputRecordBytes();
            byte[] records = new byte[3 * in];
            r.nextBytes(records);
            Interpreter it = new Interpreter(m);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int off = 0; off < records.length; off += in) {
                expected.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
            }
            byte[] actual = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), dir.resolve("build"))
                    .run(records);
            Bytes.assertSame("case " + i + " " + g.tensor(1).shape() + " (dsp " + dsp + ") host C vs Java",
                    expected.toByteArray(), actual, 1);
        }
    }

    /** Skips the calling test when no host gcc can be started (shared with KernelPathsGemmHostTest). */
    static void assumeGcc() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor(), "gcc --version");
        } catch (IOException e) {
            assumeTrue(false, "skipped: gcc not found (" + e.getMessage() + ")");
        }
    }

    /** n values drawn uniformly from [lo, hi]. */
    static int[] ints(Random r, int n, int lo, int hi) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + r.nextInt(hi - lo + 1);
        }
        return v;
    }

    private static int outSize(Padding p, int in, int k, int stride, int dil) {
        int eff = (k - 1) * dil + 1;
        return p == Padding.SAME ? (in + stride - 1) / stride : (in + stride - eff) / stride;
    }

    /**
     * Case 0 is the course CNN's first layer shape (28x28x1, 3x3, SAME, stride 1); cases 1-4 random with one to
     * three channels and at most 32 taps, cases 5-7 random with four or eight channels.
     */
    private static Graph conv(Random r, int i) {
        while (true) {
            boolean first = i == 0;
            int n = first ? 1 : 1 + r.nextInt(2);
            int h = first ? 28 : 3 + r.nextInt(9);
            int w = first ? 28 : 3 + r.nextInt(9);
            boolean rows = i >= 5; // channel counts that are multiples of four: the row-widening path
            int inC = first ? 1 : rows ? 4 * (1 + r.nextInt(2)) : 1 + r.nextInt(3);
            int outC = first ? 4 : 1 + r.nextInt(6);
            int kh = first ? 3 : 1 + r.nextInt(3);
            int kw = first ? 3 : 1 + r.nextInt(3);
            int sh = first ? 1 : 1 + r.nextInt(2);
            int sw = first ? 1 : 1 + r.nextInt(2);
            int dh = first ? 1 : 1 + r.nextInt(2);
            int dw = first ? 1 : 1 + r.nextInt(2);
            Padding pad = first || r.nextBoolean() ? Padding.SAME : Padding.VALID;
            int oh = outSize(pad, h, kh, sh, dh);
            int ow = outSize(pad, w, kw, sw, dw);
            if (oh <= 0 || ow <= 0 || (!rows && kh * kw * inC > 32)) {
                continue;
            }
            float[] scales = new float[outC];
            for (int c = 0; c < outC; c++) {
                scales[c] = 0.002f + r.nextFloat() * 0.02f;
            }
            ConvTestGraph b = new ConvTestGraph();
            int in = b.activation(new int[] {n, h, w, inC}, 0.01f + r.nextFloat() * 0.09f, r.nextInt(256) - 128);
            int wt = b.weights(new int[] {outC, kh, kw, inC}, scales, 0, ints(r, outC * kh * kw * inC, -127, 127));
            int bias = b.bias(0f, ints(r, outC, -3000, 3000));
            int out = b.activation(new int[] {n, oh, ow, outC}, 0.02f + r.nextFloat() * 0.28f,
                    r.nextInt(256) - 128);
            Activation act = r.nextBoolean() ? Activation.NONE : Activation.RELU;
            return b.graph(OpType.CONV_2D, new Conv2DOptions(pad, sw, sh, dw, dh, act), new int[] {in, wt, bias},
                    out);
        }
    }
}
