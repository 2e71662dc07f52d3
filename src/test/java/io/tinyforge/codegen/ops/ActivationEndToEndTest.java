package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Operator;
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
        int i = 0;
        for (Graph g : ActivationGraphs.singleOps()) {
            hostMatchesJava(g, rounding, "op" + i++);
        }
    }

    @Test
    void activationChainOnHostEqualsJavaAndUsesOnlyItsKernels() throws Exception {
        hostMatchesJava(ActivationGraphs.chain(), Rounding.DOUBLE, "chain");
        List<String> files = new ArrayList<>();
        try (var s = Files.list(tmp.resolve("chain_gen"))) {
            s.forEach(f -> files.add(f.getFileName().toString()));
        }
        assertTrue(files.containsAll(List.of("tfg_tanh_s8.c", "tfg_logistic_s8.c", "tfg_softmax_s8.c",
                "tfg_gemmlowp.h")), files.toString());
        assertTrue(!files.contains("tfg_softmax_s8_s16.c"), "unused kernel copied: " + files);
    }

    /**
     * Every real model with a SOFTMAX, all golden vectors through the generated C (an operator without an
     * emitter fails, naming it).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tflm_micro_speech_int8", "mlperf_tiny_str_ww_int8", "mlperf_tiny_kws_ref_int8",
        "mlperf_tiny_vww_96_int8", "tflm_mnist_lstm_int8", "tflm_keyword_scrambled_8bit"})
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
