package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
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
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SOFTMAX, LOGISTIC and TANH end to end: C generated for small graphs and for real models that end in a
 * softmax, built on the host (-Werror) and run on many input records, equals the Java reference byte for byte
 * (and, for the real models, TFLM's golden outputs).
 */
class ActivationEndToEndTest {

    @TempDir
    Path tmp;

    /** One unary op: input [4,9] int8 (scale 0.07, zp 5) or int16 (scale 1/3000, zp 0) -> op -> output. */
    private static Graph unary(OpType type, OpOptions o, DType outType, float outScale, int outZp) {
        Shape s = Shape.of(4, 9);
        boolean in16 = outType == DType.INT16 && type != OpType.SOFTMAX;
        Tensor in = new Tensor(0, "input", s, in16 ? DType.INT16 : DType.INT8,
                in16 ? QuantParams.perTensor(1f / 3000, 0) : QuantParams.perTensor(0.07f, 5), null, false);
        Tensor out = new Tensor(1, "output", s, outType, QuantParams.perTensor(outScale, outZp), null, false);
        Operator op = new Operator(0, type, new int[] {0}, new int[] {1}, o, new int[0]);
        return new Graph(type.name().toLowerCase() + "_" + outType.label(), List.of(in, out), List.of(op),
                new int[] {0}, new int[] {1}, "0".repeat(63) + "5");
    }

    /** input [2,16] -> TANH -> LOGISTIC -> SOFTMAX -> output, each intermediate dying at the next op. */
    private static Graph chain() {
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

    private static byte[] javaOutputs(PreparedModel m, byte[] records) {
        Interpreter it = new Interpreter(m);
        int in = (int) m.graph().inputRecordBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += in) {
            out.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
        }
        return out.toByteArray();
    }

    private HostProgram build(PreparedModel m, String name) {
        GeneratorOptions opt = new GeneratorOptions(name, "test " + name);
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve(name + "_gen"));
        return HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve(name + "_build"));
    }

    private void hostMatchesJava(Graph g, Rounding rounding, String name) {
        PreparedModel m = PreparedModel.prepare(g, new PrepareContext(rounding));
        HostProgram p = build(m, name);
        byte[] records = FixtureGraphs.randomRecords(g, 50, 17);
        int elem = g.output(0).dtype().size();
        Bytes.assertSame(g.name() + " host C vs Java (" + rounding + ")", javaOutputs(m, records), p.run(records),
                elem);
    }

    @ParameterizedTest
    @EnumSource(Rounding.class)
    void singleActivationsOnHostEqualJava(Rounding rounding) {
        hostMatchesJava(unary(OpType.SOFTMAX, new SoftmaxOptions(1f), DType.INT8, 1f / 256, -128), rounding, "sm8");
        hostMatchesJava(unary(OpType.SOFTMAX, new SoftmaxOptions(1f), DType.INT16, 1f / 65536, -32768), rounding,
                "sm16");
        hostMatchesJava(unary(OpType.LOGISTIC, NoOptions.INSTANCE, DType.INT8, 1f / 256, -128), rounding, "lg");
        hostMatchesJava(unary(OpType.TANH, NoOptions.INSTANCE, DType.INT8, 1f / 128, 0), rounding, "th");
        hostMatchesJava(unary(OpType.LOGISTIC, NoOptions.INSTANCE, DType.INT16, 1f / 32768, 0), rounding, "lg16");
        hostMatchesJava(unary(OpType.TANH, NoOptions.INSTANCE, DType.INT16, 1f / 32768, 0), rounding, "th16");
    }

    @Test
    void activationChainOnHostEqualsJavaAndUsesOnlyItsKernels() throws Exception {
        hostMatchesJava(chain(), Rounding.DOUBLE, "chain");
        List<String> files = new ArrayList<>();
        try (var s = Files.list(tmp.resolve("chain_gen"))) {
            s.forEach(f -> files.add(f.getFileName().toString()));
        }
        assertTrue(files.containsAll(List.of("tfg_tanh_s8.c", "tfg_logistic_s8.c", "tfg_softmax_s8.c",
                "tfg_gemmlowp.h")), files.toString());
        assertTrue(!files.contains("tfg_softmax_s8_s16.c"), "unused kernel copied: " + files);
    }

    /** Real models whose every operator has an emitter; all their golden vectors through the generated C. */
    @ParameterizedTest
    @ValueSource(strings = {"tflm_micro_speech_int8", "mlperf_tiny_str_ww_int8"})
    void realModelEndingInSoftmaxEqualsTflmGoldens(String model) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        PreparedModel m = PreparedModel.prepare(g);
        HostProgram p = build(m, "m");
        byte[] out = p.run(gold.inputs());
        Bytes.assertSame(model + " host C vs TFLM goldens (" + gold.count() + " vectors)", gold.outputs(), out, 1);
        Bytes.assertSame(model + " Java vs TFLM goldens", gold.outputs(), javaOutputs(m, gold.inputs()), 1);
    }
}
