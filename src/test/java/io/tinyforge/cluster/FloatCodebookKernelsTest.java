package io.tinyforge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FloatRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Float codebook kernels ({@code tfg_conv2d_cb_f32}, {@code tfg_depthwise_conv2d_cb_f32},
 * {@code tfg_fully_connected_cb_f32}) on a clustered float32 graph: the generator picks them for all three
 * filters, the codebook arrays replace the dense ones, and the host C equals the Java reference bit for bit.
 */
class FloatCodebookKernelsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"2, false", "4, false", "2, true", "3, true"})
    void floatCodebookKernelsEqualTheJavaReference(int bits, boolean perChannel) throws Exception {
        Graph g = WeightClusterer.cluster(FloatCodebookFixture.convDepthwiseFc(),
                new ClusterOptions(bits, perChannel, Init.LINEAR, 0, 100)).graph();
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("f", "FloatCodebookKernelsTest");
        Path gen = tmp.resolve("gen");
        CodeGenerator.generate(m, opt, gen);
        String c = Files.readString(gen.resolve("model.c"));
        for (String fn : new String[] {"tfg_conv2d_cb_f32(", "tfg_depthwise_conv2d_cb_f32(",
            "tfg_fully_connected_cb_f32("}) {
            assertTrue(c.contains(fn), bits + " bits per-channel " + perChannel + ": " + fn + " expected");
        }
        String data = Files.readString(gen.resolve("model_data.c"));
        assertTrue(data.contains("_codebook") && data.contains("_indices"), "codebook arrays emitted");
        for (Integer t : new Integer[] {1, 4, 9}) {
            assertTrue(!data.contains("f_t" + t + "[") && !data.contains("f_t_" + t + "["),
                    "dense filter tensor " + t + " must not be emitted:\n" + data);
        }
        Map<String, Long> arrays = ModelDataArrays.read(gen.resolve("model_data.c"));
        long counted = 0;
        for (Tensor t : g.tensors()) {
            if (t.isConstant()) {
                long emitted = ModelDataArrays.weightBytes(arrays, "f", List.of(t.index()));
                counted += emitted > 0 ? emitted : t.bytes(); // e.g. RESHAPE's shape: not emitted, counted dense
            }
        }
        assertEquals(counted, GeneratedWeightBytes.of(g), "generated weight bytes vs the model_data.c arrays");
        HostProgram p = HostBuild.compile(gen, CodeGenerator.harness(m, opt), tmp.resolve("build"));
        int vectors = 6;
        int floats = (int) (g.inputRecordBytes() / 4);
        byte[] inputs = FloatRecords.uniform(bits * 131L + (perChannel ? 1 : 0), vectors, floats, -1.5, 1.5);
        byte[] out = p.run(inputs);
        int n = (int) g.outputRecordBytes();
        assertEquals(vectors * n, out.length, "output bytes");
        Interpreter java = new Interpreter(m);
        for (int v = 0; v < vectors; v++) {
            byte[] x = Arrays.copyOfRange(inputs, v * floats * 4, (v + 1) * floats * 4);
            Bytes.assertSame(bits + " bits per-channel " + perChannel + " vector " + v + " host C vs Java reference",
                    java.run(x), Arrays.copyOfRange(out, v * n, (v + 1) * n), 4);
        }
    }

    @Test
    void unclusteredFloatFiltersStayDense() throws Exception {
        Graph g = FloatCodebookFixture.convDepthwiseFc();
        CodeGenerator.generate(PreparedModel.prepare(g), new GeneratorOptions("f", "dense"), tmp.resolve("d"));
        String c = Files.readString(tmp.resolve("d/model.c"));
        assertTrue(!c.contains("_cb_f32(") && c.contains("tfg_conv2d_f32("), "dense float kernels expected:\n" + c);
    }
}
