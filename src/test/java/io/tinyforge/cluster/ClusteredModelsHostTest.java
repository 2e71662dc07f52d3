package io.tinyforge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clustered kws and vww end to end on the host: cluster, write the .tflite and import it again, generate C (the
 * filters become codebooks + packed indices read by the {@code _cb} kernels), compile with -Werror and compare
 * every golden input's output with the Java reference on the clustered model, byte for byte. Also measures the
 * weight bytes in the generated model_data.c against the dense int8 generation of the original model.
 */
class ClusteredModelsHostTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"mlperf_tiny_kws_ref_int8, 4, false", "mlperf_tiny_kws_ref_int8, 2, false",
        "mlperf_tiny_kws_ref_int8, 4, true", "mlperf_tiny_vww_96_int8, 4, false",
        "mlperf_tiny_vww_96_int8, 2, true"})
    void codebookCEqualsJavaReference(String model, int bits, boolean perChannel) throws Exception {
        Graph original = TfliteImporter.load(SharedModels.model(model));
        ClusterResult r = WeightClusterer.cluster(original,
                new ClusterOptions(bits, perChannel, Init.KMEANS_PP, 7, 100));
        Graph g = TfliteImporter.parse(TfliteWriter.write(r.graph()), model + "_cb", "clustered " + model);
        assertEquals(r.tensors().size(), ClusteringMetadata.of(g).size(), "metadata survives the round trip");
        Golden gold = SharedModels.golden(model);

        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("m", "ClusteredModelsHostTest " + model);
        Path gen = tmp.resolve("gen");
        CodeGenerator.generate(m, opt, gen);
        String modelC = Files.readString(gen.resolve("model.c"));
        assertTrue(modelC.contains("_cb_s8("), model + ": generated C calls a codebook kernel");
        HostProgram p = HostBuild.compile(gen, CodeGenerator.harness(m, opt), tmp.resolve("build"));
        byte[] out = p.run(gold.inputs());
        Interpreter java = new Interpreter(m);
        int n = (int) g.outputRecordBytes();
        assertEquals((long) n * gold.count(), out.length, model + ": output bytes");
        for (int v = 0; v < gold.count(); v++) {
            Bytes.assertSame(model + " clustered " + bits + " bits vector " + v + " host C vs Java reference",
                    java.run(gold.input(v)), Arrays.copyOfRange(out, v * n, (v + 1) * n),
                    g.output(0).dtype().size());
        }

        PreparedModel dense = PreparedModel.prepare(original);
        Path denseGen = tmp.resolve("dense");
        // the int8 layout (--optimize size, no sparse storage): every filter as its plain int8 array
        String savedOptimize = System.getProperty(io.tinyforge.codegen.Optimize.PROPERTY);
        String savedSparse = System.getProperty("tinyforge.sparse");
        System.setProperty(io.tinyforge.codegen.Optimize.PROPERTY, "size");
        System.setProperty("tinyforge.sparse", "off");
        try {
            CodeGenerator.generate(dense, new GeneratorOptions("m", "dense"), denseGen);
        } finally {
            restore(io.tinyforge.codegen.Optimize.PROPERTY, savedOptimize);
            restore("tinyforge.sparse", savedSparse);
        }
        List<Integer> filters = r.tensors().stream().map(TensorClusterReport::tensor).toList();
        long before = ModelDataArrays.weightBytes(ModelDataArrays.read(denseGen.resolve("model_data.c")), "m",
                filters);
        Map<String, Long> arrays = ModelDataArrays.read(gen.resolve("model_data.c"));
        long after = ModelDataArrays.weightBytes(arrays, "m", filters);
        long denseInt8 = r.tensors().stream().mapToLong(TensorClusterReport::denseBytes).sum();
        assertEquals(denseInt8, before, model + ": dense generation holds every filter as int8");
        double ratio = (double) before / after;
        System.out.printf("%s clustered %d bits%s: %d vectors bit-exact; weights %d -> %d bytes (%.2fx)%n", model,
                bits, perChannel ? " per channel" : "", gold.count(), before, after, ratio);
        long bound = r.tensors().stream().mapToLong(t -> Math.min(t.denseBytes(), t.codebookBytes())).sum();
        assertTrue(after <= bound, model + ": generated weights " + after + " bytes, more than the cheaper of dense "
                + "and the reported codebook layout per tensor (" + bound + ")");
        if (!perChannel) {
            // per-tensor codebooks: 16 (4 entries) bytes per tensor plus 4 (2) bits per weight
            double want = bits == 4 ? 1.9 : 3.5;
            assertTrue(ratio >= want, model + ": " + bits + "-bit weights only " + ratio + "x smaller, want " + want);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
