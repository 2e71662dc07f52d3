package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostBuildException;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generation-time path switches of the GEMM convolution (codegen.KernelPaths) never give a wrong result: with
 * the pointwise and small-receptive-field paths and the block kernel's general path forced off in
 * {@code tfg_config.h}, calls that would take them run the generic gather and the lane-by-lane block path and
 * still equal the Java reference byte for byte (host gcc, DSP algorithms emulated); with the generic path forced
 * off, a call that needs it makes invoke() fail (TFG_ERROR) instead of writing outputs. Skipped without gcc.
 */
class KernelPathsGemmHostTest {

    private static final String ALL_OFF_BUT_GENERIC = "\n#undef TFG_GEMM_POINTWISE\n#define TFG_GEMM_POINTWISE 0\n"
            + "#undef TFG_GEMM_SMALL\n#define TFG_GEMM_SMALL 0\n#undef TFG_GEMM_GENERIC\n#define TFG_GEMM_GENERIC 1\n"
            + "#undef TFG_GEMM_BLOCK_GENERAL\n#define TFG_GEMM_BLOCK_GENERAL 0\n#define TFG_DSP_EMULATE 1\n";

    @TempDir
    Path tmp;

    @Test
    void pathsForcedOffFallBackToTheGenericGatherWithTheSameBytes() throws Exception {
        ConvGemmSmallTapsHostTest.assumeGcc();
        Random r = new Random(20261129L);
        // pointwise over 5x3 pixels (a last block of three), then a 3x3 conv over two channels (small path)
        Graph[] graphs = {conv(r, 5, 3, 8, 1, 1, Padding.VALID, 1), conv(r, 6, 7, 2, 3, 3, Padding.SAME, 1)};
        for (int i = 0; i < graphs.length; i++) {
            Graph g = graphs[i];
            Run run = build(g, "forced" + i, ALL_OFF_BUT_GENERIC);
            int in = (int) g.inputRecordBytes();
            byte[] records = new byte[3 * in];
            r.nextBytes(records);
            Interpreter it = new Interpreter(run.model);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int off = 0; off < records.length; off += in) {
                expected.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
            }
            Bytes.assertSame("case " + i + " " + g.tensor(1).shape() + " with paths forced off, host C vs Java",
                    expected.toByteArray(), run.program.run(records), 1);
        }
    }

    @Test
    void aCallNeedingTheGenericPathFailsWhenItIsLeftOut() throws Exception {
        ConvGemmSmallTapsHostTest.assumeGcc();
        Random r = new Random(7L);
        Graph g = conv(r, 8, 8, 8, 3, 3, Padding.SAME, 1); // 72 taps: the generic gather
        Run run = build(g, "nogeneric", "\n#undef TFG_GEMM_GENERIC\n#define TFG_GEMM_GENERIC 0\n");
        byte[] records = new byte[(int) g.inputRecordBytes()];
        r.nextBytes(records);
        assertThrows(HostBuildException.class, () -> run.program.run(records),
                "invoke() must fail, not write outputs, when the generic path is left out");
    }

    private record Run(PreparedModel model, HostProgram program) {
    }

    private Run build(Graph g, String name, String config) throws Exception {
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions(name, "KernelPathsGemmHostTest " + name);
        Path dir = tmp.resolve(name);
        GeneratedModel gm = CodeGenerator.generate(m, opt, dir.resolve("gen"));
        assertTrue(Files.readString(gm.dir().resolve("model.c")).contains("tfg_conv2d_gemm_s8"),
                name + ": the GEMM conv kernel is used");
        Files.writeString(gm.dir().resolve("tfg_config.h"), config, StandardOpenOption.APPEND);
        return new Run(m, HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), dir.resolve("build")));
    }

    /** An h x w x inC conv with a kh x kw filter, stride 1, eight output channels, RELU. */
    private static Graph conv(Random r, int h, int w, int inC, int kh, int kw, Padding pad, int stride) {
        int outC = 8;
        int oh = pad == Padding.SAME ? (h + stride - 1) / stride : (h - kh + stride) / stride;
        int ow = pad == Padding.SAME ? (w + stride - 1) / stride : (w - kw + stride) / stride;
        float[] scales = new float[outC];
        for (int c = 0; c < outC; c++) {
            scales[c] = 0.002f + r.nextFloat() * 0.02f;
        }
        ConvTestGraph b = new ConvTestGraph();
        int in = b.activation(new int[] {1, h, w, inC}, 0.01f + r.nextFloat() * 0.09f, r.nextInt(256) - 128);
        int wt = b.weights(new int[] {outC, kh, kw, inC}, scales, 0,
                ConvGemmSmallTapsHostTest.ints(r, outC * kh * kw * inC, -127, 127));
        int bias = b.bias(0f, ConvGemmSmallTapsHostTest.ints(r, outC, -3000, 3000));
        int out = b.activation(new int[] {1, oh, ow, outC}, 0.02f + r.nextFloat() * 0.28f, -128);
        return b.graph(OpType.CONV_2D, new Conv2DOptions(pad, stride, stride, 1, 1, Activation.RELU),
                new int[] {in, wt, bias}, out);
    }
}
