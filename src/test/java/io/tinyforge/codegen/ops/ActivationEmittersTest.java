package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.template.Configuration;
import freemarker.template.Template;
import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
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
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.ops.LogisticKernel;
import io.tinyforge.refimpl.ops.SoftmaxKernel;
import io.tinyforge.refimpl.ops.TanhKernel;
import io.tinyforge.testing.NativeProgram;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SOFTMAX, LOGISTIC and TANH emitters and their templates: the exact C call text for prepared operators
 * whose constants are derived by hand, and a -Werror compile of all calls against tfg_nn.h.
 */
class ActivationEmittersTest {

    /** Names tensors t&lt;index&gt; as typed pointers; the activation ops need nothing else. */
    private static final class FakeContext implements EmitContext {
        private final Graph g;

        FakeContext(Graph g) {
            this.g = g;
        }

        @Override
        public String tensor(int i) {
            return "((" + g.tensor(i).dtype().cType() + " *)t" + i + ")";
        }

        @Override
        public String constInt8(String hint, byte[] v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String constInt16(String hint, short[] v) {
            return "g_" + hint;
        }

        @Override
        public String constInt32(String hint, int[] v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String constFloat(String hint, float[] v) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String scratch() {
            throw new UnsupportedOperationException();
        }
    }

    private static Graph graph(OpType type, OpOptions o, Shape shape, float inScale, int inZp, DType outType,
            float outScale, int outZp) {
        DType inType = outType == DType.INT16 && (type != OpType.SOFTMAX || outScale == 1.0f / 32768)
                ? DType.INT16 : DType.INT8;
        Tensor in = new Tensor(0, "in", shape, inType, QuantParams.perTensor(inScale, inZp), null, false);
        Tensor out = new Tensor(1, "out", shape, outType, QuantParams.perTensor(outScale, outZp), null, false);
        Operator op = new Operator(0, type, new int[] {0}, new int[] {1}, o, new int[0]);
        return new Graph("g", List.of(in, out), List.of(op), new int[] {0}, new int[] {1}, "0");
    }

    private static String render(OpCall call) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDirectoryForTemplateLoading(new File("templates"));
        cfg.setNumberFormat("computer");
        Template t = new Template("call", "<#import \"ops/" + call.template() + ".ftl\" as op><@op.call a=args/>",
                cfg);
        StringWriter w = new StringWriter();
        t.process(Map.of("args", call.args()), w);
        return w.toString().trim();
    }

    private static OpCall softmax(DType outType) {
        // input scale 2^-4, beta 1: multiplier 2^30, left shift 23, diff_min -floor(31 * 2^26 / 2^23) = -248
        Graph g = graph(OpType.SOFTMAX, new SoftmaxOptions(1.0f), Shape.of(3, 10), 0.0625f, 0, outType,
                outType == DType.INT8 ? 1.0f / 256 : 1.0f / 65536, outType == DType.INT8 ? -128 : -32768);
        SoftmaxKernel k = new SoftmaxKernel();
        return new SoftmaxEmitter().emit(k.prepare(g, g.operators().get(0), PrepareContext.DEFAULT), new FakeContext(g));
    }

    private static OpCall elementwise(OpType type) {
        // input scale 1/8: 2^24 = 0.5 * 2^25 -> multiplier 2^30, shift 25, radius floor(15 * 2^27 / 2^25) = 60
        boolean logistic = type == OpType.LOGISTIC;
        Graph g = graph(type, NoOptions.INSTANCE, Shape.of(1, 7), 0.125f, -3, DType.INT8,
                logistic ? 1.0f / 256 : 1.0f / 128, logistic ? -128 : 0);
        Operator op = g.operators().get(0);
        FakeContext ctx = new FakeContext(g);
        return logistic
                ? new LogisticEmitter().emit(new LogisticKernel().prepare(g, op, PrepareContext.DEFAULT), ctx)
                : new TanhEmitter().emit(new TanhKernel().prepare(g, op, PrepareContext.DEFAULT), ctx);
    }

    @Test
    void softmaxCallsTheKernelMatchingTheOutputType() throws Exception {
        OpCall s8 = softmax(DType.INT8);
        assertEquals("tfg_softmax_s8(((int8_t *)t0), 3, 10, 1073741824, 23, -248, ((int8_t *)t1));", render(s8));
        assertEquals(List.of("activation/tfg_softmax_s8.c"), s8.kernelSources());
        OpCall s16 = softmax(DType.INT16);
        assertEquals("tfg_softmax_s8_s16(((int8_t *)t0), 3, 10, 1073741824, 23, -248, ((int16_t *)t1));",
                render(s16));
        assertEquals(List.of("activation/tfg_softmax_s8_s16.c"), s16.kernelSources());
    }

    @Test
    void int16SoftmaxPassesItsTablesAsConstArrays() throws Exception {
        // int16 input scale 10/65535 (beta 1): the rescale multiplier is exactly 1 = 2^30 * 2^(1-31)
        Graph g = graph(OpType.SOFTMAX, new SoftmaxOptions(1.0f), Shape.of(2, 6), 10.0f / 65535, 0, DType.INT16,
                1.0f / 32768, 0);
        OpCall c = new SoftmaxEmitter().emit(new SoftmaxKernel().prepare(g, g.operators().get(0),
                PrepareContext.DEFAULT), new FakeContext(g));
        assertEquals("tfg_softmax_s16(((int16_t *)t0), 2, 6, 1073741824, 1, g_softmax_exp_lut, g_softmax_recip_lut,"
                + " ((int16_t *)t1));", render(c));
        assertEquals(List.of("activation/tfg_softmax_s16.c"), c.kernelSources());
    }

    @Test
    void logisticAndTanhCallTheirKernels() throws Exception {
        OpCall l = elementwise(OpType.LOGISTIC);
        assertEquals("tfg_logistic_s8(((int8_t *)t0), 7, -3, 60, 1073741824, 25, ((int8_t *)t1));", render(l));
        assertEquals(List.of("activation/tfg_logistic_s8.c"), l.kernelSources());
        OpCall t = elementwise(OpType.TANH);
        assertEquals("tfg_tanh_s8(((int8_t *)t0), 7, -3, 60, 1073741824, 25, ((int8_t *)t1));", render(t));
        assertEquals(List.of("activation/tfg_tanh_s8.c"), t.kernelSources());
    }

    private static OpCall elementwise16(OpType type) {
        // int16 input scale 1/3000: 1/3000 * 3 * 4096 = 4.096 doubled 12 times = 16777.2 -> 16777, shift 12
        Graph g = graph(type, NoOptions.INSTANCE, Shape.of(5), 1.0f / 3000, 0, DType.INT16, 1.0f / 32768, 0);
        Operator op = g.operators().get(0);
        FakeContext ctx = new FakeContext(g);
        return type == OpType.LOGISTIC
                ? new LogisticEmitter().emit(new LogisticKernel().prepare(g, op, PrepareContext.DEFAULT), ctx)
                : new TanhEmitter().emit(new TanhKernel().prepare(g, op, PrepareContext.DEFAULT), ctx);
    }

    @Test
    void int16LogisticAndTanhCallTheTableKernels() throws Exception {
        OpCall l = elementwise16(OpType.LOGISTIC);
        assertEquals("tfg_logistic_lut_s16(((int16_t *)t0), 5, 16777, 12, ((int16_t *)t1));", render(l));
        assertEquals(List.of("activation/tfg_logistic_lut_s16.c"), l.kernelSources());
        OpCall t = elementwise16(OpType.TANH);
        assertEquals("tfg_tanh_lut_s16(((int16_t *)t0), 5, 16777, 12, ((int16_t *)t1));", render(t));
        assertEquals(List.of("activation/tfg_tanh_lut_s16.c"), t.kernelSources());
    }

    @Test
    void renderedCallsCompileWithoutWarnings(@TempDir Path dir) throws Exception {
        StringBuilder c = new StringBuilder("#include \"tfg_nn.h\"\nint main(void)\n{\n"
                + "    static int8_t t0[64];\n    static int16_t t1[64];\n");
        List<String> calls = new ArrayList<>();
        calls.add(render(softmax(DType.INT8)).replace("((int8_t *)t1)", "((int8_t *)(void *)t1)"));
        calls.add(render(softmax(DType.INT16)));
        calls.add(render(elementwise(OpType.LOGISTIC)).replace("((int8_t *)t1)", "((int8_t *)(void *)t1)"));
        calls.add(render(elementwise(OpType.TANH)).replace("((int8_t *)t1)", "((int8_t *)(void *)t1)"));
        calls.add(render(elementwise16(OpType.LOGISTIC)).replace("((int16_t *)t0)", "((int16_t *)(void *)t0)"));
        calls.add(render(elementwise16(OpType.TANH)).replace("((int16_t *)t0)", "((int16_t *)(void *)t0)"));
        for (String call : calls) {
            c.append("    ").append(call).append('\n');
        }
        c.append("    return t1[0] == 12345;\n}\n");
        NativeProgram.write(dir, "tfg_config.h", "#ifndef TFG_CONFIG_H\n#define TFG_CONFIG_H\n"
                + "#define TFG_SINGLE_ROUNDING 0\n#endif\n");
        Path main = NativeProgram.write(dir, "main.c", c.toString());
        List<Path> sources = new ArrayList<>(List.of(main));
        for (String s : List.of("tfg_softmax_s8.c", "tfg_softmax_s8_s16.c", "tfg_logistic_s8.c", "tfg_tanh_s8.c",
                "tfg_logistic_lut_s16.c", "tfg_tanh_lut_s16.c")) {
            sources.add(Path.of("runtime-c/src/activation", s));
        }
        NativeProgram.build("gcc", List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-Iruntime-c/include", "-I" + dir), sources, dir).run(new byte[0]);
    }
}
