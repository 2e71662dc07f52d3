package io.tinyforge.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightClustererTest {

    @TempDir
    Path tmp;

    /** Distinct values of each group (one group, or one per channel along axis) of a weight tensor. */
    private static int maxDistinct(Tensor t, int axis, boolean perChannel) {
        double[] v = CodebookLayout.values(t);
        int groups = perChannel ? WeightTensor.channels(t, axis) : 1;
        int max = 0;
        for (int g = 0; g < groups; g++) {
            Set<Double> s = new HashSet<>();
            for (int i = 0; i < v.length; i++) {
                if (!perChannel || WeightTensor.channelOf(t.shape().dims(), axis, i) == g) {
                    s.add(v[i]);
                }
            }
            max = Math.max(max, s.size());
        }
        return max;
    }

    @ParameterizedTest
    @CsvSource({"CONV_2D, 2, false", "CONV_2D, 3, true", "DEPTHWISE_CONV_2D, 2, true",
        "DEPTHWISE_CONV_2D, 4, false", "FULLY_CONNECTED, 2, false", "FULLY_CONNECTED, 3, true"})
    void int8WeightsTakeAtMostTwoToTheNValuesAndSurviveTheRoundTrip(OpType type, int bits, boolean perChannel) {
        Graph g = FixtureModels.forOp(type);
        ClusterResult r = WeightClusterer.cluster(g, new ClusterOptions(bits, perChannel, Init.LINEAR, 0, 100));
        assertEquals(1, r.tensors().size(), type + ": one weight tensor");
        TensorClusterReport rep = r.tensors().get(0);
        WeightTensor w = WeightTensor.of(g).get(0);
        Tensor before = g.tensor(w.tensor());
        Tensor after = r.graph().tensor(w.tensor());
        assertEquals(DType.INT8, after.dtype());
        assertTrue(maxDistinct(after, w.axis(), perChannel) <= 1 << bits, type + ": too many values");
        assertTrue(maxDistinct(before, w.axis(), perChannel) > maxDistinct(after, w.axis(), perChannel),
                type + ": clustering merged nothing");
        assertEquals(before.data().length, rep.denseBytes());
        assertEquals(CodebookLayout.build(after, w.axis(), perChannel).bytes(), rep.codebookBytes());
        assertTrue(rep.mse() > 0 && Double.isFinite(rep.sqnrDb()), type + ": distortion reported");

        Graph back = TfliteImporter.parse(TfliteWriter.write(r.graph()), g.name(), "round trip");
        for (Tensor t : r.graph().tensors()) {
            if (t.isConstant()) {
                assertArrayEquals(t.data(), back.tensor(t.index()).data(), "tensor " + t.index() + " data");
            }
        }
        assertArrayEquals(r.graph().metadata().get(ClusteringMetadata.NAME),
                back.metadata().get(ClusteringMetadata.NAME), "metadata bytes");
        ClusteringMetadata.Entry e = ClusteringMetadata.forTensor(back, w.tensor());
        assertNotNull(e, "metadata names the clustered tensor");
        assertEquals(bits, e.bits());
        assertEquals(perChannel, e.perChannel());
        assertEquals(w.axis(), e.axis());
    }

    @Test
    void floatWeightsGetAFloatCodebook() {
        SplittableRandom rnd = new SplittableRandom(5);
        ByteBuffer wb = ByteBuffer.allocate(8 * 16 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8 * 16; i++) {
            wb.putFloat((float) rnd.nextGaussian());
        }
        List<Tensor> ts = List.of(
                new Tensor(0, "x", Shape.of(1, 16), DType.FLOAT32, null, null, false),
                new Tensor(1, "w", Shape.of(8, 16), DType.FLOAT32, null, wb.array(), false),
                new Tensor(2, "b", Shape.of(8), DType.FLOAT32, null, new byte[32], false),
                new Tensor(3, "y", Shape.of(1, 8), DType.FLOAT32, null, null, false));
        Operator fc = new Operator(0, OpType.FULLY_CONNECTED, new int[] {0, 1, 2}, new int[] {3},
                new FullyConnectedOptions(Activation.NONE, false, false), new int[0]);
        Graph g = new Graph("float_fc", ts, List.of(fc), new int[] {0}, new int[] {3}, "0");
        ClusterResult r = WeightClusterer.cluster(g, new ClusterOptions(3, false, Init.KMEANS_PP, 11, 300));
        Tensor w = r.graph().tensor(1);
        assertEquals(DType.FLOAT32, w.dtype());
        assertTrue(maxDistinct(w, 0, false) <= 8);
        assertEquals(512, r.tensors().get(0).denseBytes());
        // 8 float entries + 128 four-bit indices (3 bits round up to 4)
        assertEquals(8 * 4 + 64, r.tensors().get(0).codebookBytes());
        Graph back = TfliteImporter.parse(TfliteWriter.write(r.graph()), "float_fc", "round trip");
        assertArrayEquals(w.data(), back.tensor(1).data());
        assertEquals(3, ClusteringMetadata.forTensor(back, 1).bits());
        assertArrayEquals(g.tensor(2).data(), r.graph().tensor(2).data(), "bias untouched");
    }

    @Test
    void sameSeedSameModel() {
        Graph g = FixtureModels.forOp(OpType.CONV_2D);
        ClusterOptions o = new ClusterOptions(2, true, Init.KMEANS_PP, 1234, 50);
        assertArrayEquals(TfliteWriter.write(WeightClusterer.cluster(g, o).graph()),
                TfliteWriter.write(WeightClusterer.cluster(g, o).graph()));
    }

    /** 4 channels x 16 int8 entries + 108 four-bit indices (118 bytes) exceed the 108 dense bytes: stays dense. */
    @Test
    void denseFilterKeptWhenTheCodebookIsLarger() throws Exception {
        Graph g = WeightClusterer.cluster(FixtureModels.forOp(OpType.CONV_2D),
                new ClusterOptions(4, true, Init.LINEAR, 0, 100)).graph();
        Tensor w = g.tensor(WeightTensor.of(g).get(0).tensor());
        assertEquals(108, w.data().length);
        CodeGenerator.generate(PreparedModel.prepare(g), new GeneratorOptions("f", "dense"), tmp.resolve("d"));
        String c = Files.readString(tmp.resolve("d/model.c"));
        assertTrue(c.matches("(?s).*tfg_conv2d_(dsp_|gemm_)?s8\\(.*") && !c.contains("_cb_s8("), "dense kernel expected:\n" + c);
    }

    /** The three codebook kernels on the fixtures (no shared models needed): host C equals the Java reference. */
    @ParameterizedTest
    @CsvSource({"CONV_2D, 3, false", "CONV_2D, 2, true", "DEPTHWISE_CONV_2D, 2, true",
        "DEPTHWISE_CONV_2D, 4, false", "FULLY_CONNECTED, 2, true", "FULLY_CONNECTED, 4, false"})
    void codebookKernelsEqualTheJavaReference(OpType type, int bits, boolean perChannel) throws Exception {
        Graph g = WeightClusterer.cluster(FixtureModels.forOp(type),
                new ClusterOptions(bits, perChannel, Init.LINEAR, 0, 100)).graph();
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions("f", "WeightClustererTest");
        Path gen = tmp.resolve("gen");
        CodeGenerator.generate(m, opt, gen);
        assertTrue(Files.readString(gen.resolve("model.c")).contains("_cb_s8("), type + ": codebook kernel used");
        HostProgram p = HostBuild.compile(gen, CodeGenerator.harness(m, opt), tmp.resolve("build"));
        int n = (int) g.inputRecordBytes();
        int vectors = 8;
        byte[] in = new byte[n * vectors];
        new SplittableRandom(type.ordinal() * 31L + bits).nextBytes(in);
        byte[] out = p.run(in);
        int o = (int) g.outputRecordBytes();
        Interpreter ref = new Interpreter(m);
        for (int v = 0; v < vectors; v++) {
            byte[] x = Arrays.copyOfRange(in, v * n, (v + 1) * n);
            Bytes.assertSame(type + " " + bits + " bits vector " + v, ref.run(x),
                    Arrays.copyOfRange(out, v * o, (v + 1) * o), 1);
        }
    }
}
