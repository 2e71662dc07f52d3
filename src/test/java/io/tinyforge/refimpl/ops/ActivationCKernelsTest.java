package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.NativeProgram;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runtime-c activation kernels (softmax s8, s8_s16 and s16, logistic and tanh s8 and lut_s16), compiled on the host with
 * gcc -std=c99 -Wall -Wextra -Werror -pedantic, against the Java reference byte for byte on random tensors and
 * quantizations, in both rounding modes. Skipped with a message when gcc is missing.
 */
class ActivationCKernelsTest {
    private static final List<String> SOURCES = List.of("tfg_softmax_s8.c", "tfg_softmax_s8_s16.c",
            "tfg_logistic_s8.c", "tfg_tanh_s8.c", "tfg_logistic_lut_s16.c", "tfg_tanh_lut_s16.c", "tfg_softmax_s16.c");

    private record Case(String name, int kind, int rows, int depth, int[] p, byte[] input, byte[] expected,
            int elementSize, byte[] tables) {
        Case(String name, int kind, int rows, int depth, int[] p, byte[] input, byte[] expected, int elementSize) {
            this(name, kind, rows, depth, p, input, expected, elementSize, new byte[0]);
        }
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void cKernelsMatchJavaReference(Rounding rounding, @TempDir Path dir) {
        NativeProgram.write(dir, "tfg_config.h", "#ifndef TFG_CONFIG_H\n#define TFG_CONFIG_H\n#define TFG_SINGLE_ROUNDING "
                + (rounding == Rounding.SINGLE ? 1 : 0) + "\n#endif\n");
        List<Path> sources = new ArrayList<>();
        for (String s : SOURCES) {
            sources.add(Path.of("runtime-c/src/activation", s));
        }
        sources.add(Path.of("src/test/resources/runtime-c/activation_driver.c"));
        NativeProgram prog = NativeProgram.build("gcc", List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-O2", "-Iruntime-c/include", "-I" + dir), sources, dir);

        PrepareContext ctx = new PrepareContext(rounding);
        Random rnd = new Random(42);
        List<Case> cases = new ArrayList<>();
        float[] scales = {0.0005f, 0.004f, 0.02f, 0.0625f, 0.11f, 0.5f, 1.7f};
        for (float s : scales) {
            for (int t = 0; t < 6; t++) {
                int rows = 1 + rnd.nextInt(4);
                int depth = 1 + rnd.nextInt(t == 5 ? 400 : 40);
                byte[] in = new byte[rows * depth];
                rnd.nextBytes(in);
                cases.add(softmax(ctx, s, rows, depth, in, DType.INT8));
                cases.add(softmax(ctx, s, rows, depth, in, DType.INT16));
            }
            for (int zp : new int[] {-128, -7, 0, 64}) {
                byte[] all = new byte[256];
                for (int i = 0; i < 256; i++) {
                    all[i] = (byte) (i - 128);
                }
                cases.add(elementwise(ctx, OpType.LOGISTIC, s, zp, all));
                cases.add(elementwise(ctx, OpType.TANH, s, zp, all));
            }
        }

        byte[] all16 = new byte[2 * 65536];
        for (int i = 0; i < 65536; i++) {
            all16[2 * i] = (byte) i;
            all16[2 * i + 1] = (byte) (i >> 8);
        }
        for (float s : new float[] {1.0f / 4096, 1.0f / 2048, 1.0f / 3000, 0.00011f}) {
            cases.add(int16(ctx, OpType.LOGISTIC, s, all16));
            cases.add(int16(ctx, OpType.TANH, s, all16));
        }

        for (float s : new float[] {0.0002f, 0.001f, 0.004f, 0.03f}) {
            for (int t = 0; t < 4; t++) {
                int rows = 1 + rnd.nextInt(4);
                int depth = 1 + rnd.nextInt(t == 3 ? 300 : 30);
                byte[] in = new byte[2 * rows * depth];
                rnd.nextBytes(in);
                cases.add(softmax16(ctx, s, rows, depth, in));
            }
        }

        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        for (Case c : cases) {
            ByteBuffer h = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(c.kind).putInt(c.rows).putInt(c.depth);
            for (int v : c.p) {
                h.putInt(v);
            }
            stdin.writeBytes(h.array());
            stdin.writeBytes(c.tables);
            stdin.writeBytes(c.input);
        }
        byte[] out = prog.run(stdin.toByteArray());
        int off = 0;
        for (Case c : cases) {
            int n = c.expected.length;
            byte[] got = java.util.Arrays.copyOfRange(out, Math.min(off, out.length), Math.min(off + n, out.length));
            Bytes.assertSame("C " + c.name + " (" + rounding + " rounding)", c.expected, got, c.elementSize);
            off += n;
        }
    }

    private static Case softmax(PrepareContext ctx, float scale, int rows, int depth, byte[] in, DType outType) {
        ActivationTestGraph g = ActivationTestGraph.of(OpType.SOFTMAX, new SoftmaxOptions(1.0f), Shape.of(rows, depth), DType.INT8, scale,
                0, outType, outType == DType.INT8 ? 1.0f / 256 : 1.0f / 65536, outType == DType.INT8 ? -128 : -32768);
        SoftmaxKernel k = new SoftmaxKernel();
        SoftmaxParams p = k.prepare(g.graph(), g.op(), ctx);
        return new Case("softmax " + outType.label() + " scale " + scale + " " + rows + "x" + depth,
                outType == DType.INT8 ? 0 : 1, rows, depth,
                new int[] {p.inputMultiplier(), p.inputLeftShift(), p.diffMin(), 0}, in, eval(k, p, g, in),
                outType.size());
    }

    private static Case elementwise(PrepareContext ctx, OpType type, float scale, int zp, byte[] in) {
        boolean logistic = type == OpType.LOGISTIC;
        ActivationTestGraph g = ActivationTestGraph.of(type, NoOptions.INSTANCE, Shape.of(in.length), DType.INT8, scale, zp, DType.INT8,
                logistic ? 1.0f / 256 : 1.0f / 128, logistic ? -128 : 0);
        int[] p;
        byte[] expected;
        if (logistic) {
            LogisticKernel k = new LogisticKernel();
            LogisticParams lp = k.prepare(g.graph(), g.op(), ctx);
            p = new int[] {lp.inputZeroPoint(), lp.inputRangeRadius(), lp.inputMultiplier(), lp.inputShift()};
            expected = eval(k, lp, g, in);
        } else {
            TanhKernel k = new TanhKernel();
            TanhParams tp = k.prepare(g.graph(), g.op(), ctx);
            p = new int[] {tp.inputZeroPoint(), tp.inputRangeRadius(), tp.inputMultiplier(), tp.inputShift()};
            expected = eval(k, tp, g, in);
        }
        return new Case(type + " scale " + scale + " zp " + zp, logistic ? 2 : 3, 1, in.length, p, in, expected, 1);
    }

    private static Case softmax16(PrepareContext ctx, float scale, int rows, int depth, byte[] in) {
        ActivationTestGraph g = ActivationTestGraph.of(OpType.SOFTMAX, new SoftmaxOptions(1.0f), Shape.of(rows, depth),
                DType.INT16, scale, 0, DType.INT16, 1.0f / 32768, 0);
        SoftmaxKernel k = new SoftmaxKernel();
        SoftmaxParams p = k.prepare(g.graph(), g.op(), ctx);
        ByteBuffer tables = ByteBuffer.allocate(4 * 513).order(ByteOrder.LITTLE_ENDIAN);
        for (short v : p.luts().exp()) {
            tables.putShort(v);
        }
        for (short v : p.luts().oneOverOnePlusX()) {
            tables.putShort(v);
        }
        return new Case("softmax int16 scale " + scale + " " + rows + "x" + depth, 6, rows, depth,
                new int[] {p.inputMultiplier(), p.inputLeftShift(), 0, 0}, in, eval(k, p, g, in), 2, tables.array());
    }

    private static Case int16(PrepareContext ctx, OpType type, float scale, byte[] in) {
        ActivationTestGraph g = ActivationTestGraph.of(type, NoOptions.INSTANCE, Shape.of(in.length / 2), DType.INT16,
                scale, 0, DType.INT16, 1.0f / 32768, 0);
        if (type == OpType.LOGISTIC) {
            LogisticKernel k = new LogisticKernel();
            LogisticParams p = k.prepare(g.graph(), g.op(), ctx);
            return new Case("LOGISTIC int16 scale " + scale, 4, 1, in.length / 2,
                    new int[] {p.inputMultiplier(), p.inputShift(), 0, 0}, in, eval(k, p, g, in), 2);
        }
        TanhKernel k = new TanhKernel();
        TanhParams p = k.prepare(g.graph(), g.op(), ctx);
        return new Case("TANH int16 scale " + scale, 5, 1, in.length / 2,
                new int[] {p.inputMultiplier(), p.inputShift(), 0, 0}, in, eval(k, p, g, in), 2);
    }

    private static <P extends OpParams> byte[] eval(OpKernel<P> k, P p, ActivationTestGraph g, byte[] in) {
        TensorStore store = new TensorStore(g.graph());
        System.arraycopy(in, 0, store.bytes(0), 0, in.length);
        k.eval(p, store);
        return store.bytes(1).clone();
    }
}
