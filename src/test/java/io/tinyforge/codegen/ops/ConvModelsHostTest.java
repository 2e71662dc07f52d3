package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.Emitters;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.Kernels;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end for the models built from convolutions and fully connected layers: generate C, compile it on the
 * host with -Werror, run every golden vector and compare with TFLM's outputs byte for byte. A model is skipped
 * (with the missing operators named) while another of its operators has no kernel or emitter yet.
 */
class ConvModelsHostTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"tflm_hello_world_int8", "mlperf_tiny_ad01_int8", "tflm_micro_speech_int8",
        "mlperf_tiny_str_ww_int8", "mlperf_tiny_kws_ref_int8", "mlperf_tiny_vww_96_int8"})
    void generatedCEqualsTflmGoldensOnEveryVector(String model) throws Exception {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        TreeSet<String> missing = new TreeSet<>();
        for (Operator op : g.operators()) {
            if (!supported(op)) {
                missing.add(op.type().name());
            }
        }
        assumeTrue(missing.isEmpty(), "skipped " + model + ": no kernel or emitter yet for " + missing);
        Golden gold = SharedModels.golden(model);
        PreparedModel m = PreparedModel.prepare(g);
        String name = "m";
        GeneratorOptions opt = new GeneratorOptions(name, "ConvModelsHostTest " + model);
        CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        HostProgram p = HostBuild.compile(tmp.resolve("gen"), CodeGenerator.harness(m, opt), tmp.resolve("build"));
        byte[] out = p.run(gold.inputs());
        assertEquals(gold.outputs().length, out.length, model + ": output bytes");
        for (int v = 0; v < gold.count(); v++) {
            byte[] actual = Arrays.copyOfRange(out, v * gold.outputBytes(), (v + 1) * gold.outputBytes());
            Bytes.assertSame(model + " vector " + v + " host C vs TFLM", gold.output(v), actual,
                    g.output(0).dtype().size());
        }
        assertTrue(gold.count() > 0);
        assertTrue(Files.readString(tmp.resolve("gen/model.c")).contains("tfg_"), "calls a runtime kernel");
        System.out.println(model + ": " + gold.count() + " vectors bit-exact on host C");
    }

    /**
     * Runs now, before every operator of these models can be generated: the longest prefix of operators that
     * have kernels and emitters becomes a model whose output is the last prefix operator's output; its C, run on
     * golden vector 0, must equal TFLM's intermediate tensor byte for byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tflm_hello_world_int8", "mlperf_tiny_ad01_int8", "tflm_micro_speech_int8",
        "mlperf_tiny_str_ww_int8", "mlperf_tiny_kws_ref_int8", "mlperf_tiny_vww_96_int8"})
    void generatedPrefixEqualsTflmIntermediate(String model) throws Exception {
        Graph full = TfliteImporter.load(SharedModels.model(model));
        int k = 0;
        while (k < full.operators().size() && supported(full.operators().get(k))) {
            k++;
        }
        assumeTrue(k > 0, "skipped " + model + ": its first operator cannot be generated yet");
        int last = full.operators().get(k - 1).output(0);
        Graph g = new Graph(full.name(), full.tensors(), full.operators().subList(0, k), full.inputs(),
                new int[] {last}, full.sha256());
        long convOps = g.operators().stream().filter(op -> op.type() == OpType.CONV_2D
                || op.type() == OpType.DEPTHWISE_CONV_2D || op.type() == OpType.FULLY_CONNECTED).count();
        assertTrue(convOps > 0, model + ": the prefix holds no convolution or fully connected layer");
        Golden gold = SharedModels.golden(model);
        Golden.Intermediate expected = gold.intermediates().stream().filter(t -> t.tensorIndex() == last)
                .findFirst().orElseThrow();
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("p", "ConvModelsHostTest prefix " + model);
        CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        HostProgram p = HostBuild.compile(tmp.resolve("gen"), CodeGenerator.harness(m, opt), tmp.resolve("build"));
        long t0 = System.nanoTime();
        byte[] out = p.run(gold.inputs());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int n = (int) g.outputRecordBytes();
        Bytes.assertSame(model + " operators 0.." + (k - 1) + " output tensor " + last + " vector 0 host C vs TFLM",
                gold.intermediate(expected), Arrays.copyOfRange(out, 0, n), 1);
        Interpreter java = new Interpreter(m);
        for (int v = 0; v < gold.count(); v++) {
            Bytes.assertSame(model + " operators 0.." + (k - 1) + " vector " + v + " host C vs Java reference",
                    java.run(gold.input(v)), Arrays.copyOfRange(out, v * n, (v + 1) * n), 1);
        }
        System.out.println(model + ": operators 0.." + (k - 1) + " (" + convOps
                + " conv/depthwise/fully-connected) bit-exact on host C, " + gold.count() + " vectors in " + ms + " ms");
    }

    private static boolean supported(Operator op) {
        if (!Kernels.supports(op.type())) {
            return false;
        }
        try {
            Emitters.forOp(op);
            return true;
        } catch (ModelException e) {
            return false;
        }
    }
}
