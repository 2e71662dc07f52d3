package io.tinyforge.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.train.TrainedCnn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pruned CNNs (seeded random weights, magnitude masks, full-int8 PTQ, optionally zero-keeping 4-bit clustering)
 * through the sparse path: zeros survive PTQ; the Java sparse reference equals the dense reference kernels on every
 * CONV_2D / FULLY_CONNECTED; the generated C (sparse kernels) equals the Java reference byte for byte on the host,
 * as does the same model generated dense; and the filters take the expected share of the dense bytes.
 */
class PrunedModelsHostTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"c8-p-c16-p-d10, 0.8, 0, 2.5", "c8-p-c16-p-d10, 0.9, 0, 4", "c8-p-c16-p-d10, 0.8, 4, 4.4",
        "c6-c5k5-p-d16-d10, 0.7, 0, 2"})
    void sparseCEqualsJavaReference(String spec, double sparsity, int clusterBits, double minRatio) throws Exception {
        String what = spec + " at " + sparsity + (clusterBits > 0 ? " + " + clusterBits + "-bit clusters" : "");
        TrainedCnn pruned = PrunedCnns.pruned(PrunedCnns.random(spec, 28, 17), sparsity);
        Graph q = PrunedCnns.int8(pruned, "pruned");
        SparsityStats floatStats = SparsityStats.of(io.tinyforge.train.CnnGraph.of(pruned, "f"));
        SparsityStats intStats = SparsityStats.of(q);
        for (int i = 0; i < floatStats.layers().size(); i++) {
            assertTrue(intStats.layers().get(i).zeros() >= floatStats.layers().get(i).zeros(),
                    what + ": layer " + i + " lost zeros in PTQ");
        }
        if (clusterBits > 0) {
            q = ZeroKeepingClusterer.cluster(q, ClusterOptions.of(clusterBits)).graph();
        }
        Graph g = TfliteImporter.parse(TfliteWriter.write(q), "pruned", what);
        PreparedModel m = PreparedModel.prepare(g);
        byte[] inputs = FixtureGraphs.randomRecords(g, 6, 23);
        int inBytes = (int) g.inputRecordBytes();

        // the Java sparse reference equals the dense reference kernels, layer by layer
        Interpreter java = new Interpreter(m);
        int sparseOps = 0;
        for (int v = 0; v < 6; v++) {
            java.run(Arrays.copyOfRange(inputs, v * inBytes, (v + 1) * inBytes));
            for (PreparedOp<?> op : m.ops()) {
                Operator o = op.params().op();
                SparseLayout l = SparsePolicy.layout(g, o);
                if (l == null) {
                    continue;
                }
                sparseOps += v == 0 ? 1 : 0;
                byte[] x = java.store().bytes(o.input(0));
                int[] bias = bias(java, o, l.rows());
                byte[] got = o.type() == OpType.FULLY_CONNECTED
                        ? SparseReference.fullyConnected((FullyConnectedParams) op.params(), l, x, bias)
                        : SparseReference.conv2d((Conv2DParams) op.params(), l, x, bias);
                Bytes.assertSame(what + " vector " + v + " op " + o.index() + " sparse Java vs dense Java",
                        java.store().bytes(o.output(0)), got, 1);
            }
        }
        assertTrue(sparseOps >= 2, what + ": only " + sparseOps + " layers sparse");

        // generated C, sparse and dense, equals the Java reference
        Map<String, Long> sparseArrays = null;
        Map<String, Long> denseArrays = null;
        for (boolean sparse : new boolean[] {true, false}) {
            String prop = System.getProperty("tinyforge.sparse");
            String cbProp = System.getProperty("tinyforge.codebook");
            String codedProp = System.getProperty("tinyforge.sparse.coded");
            System.setProperty("tinyforge.sparse.coded", "off"); // this test is about the byte-aligned layout
            System.setProperty("tinyforge.sparse", sparse ? "on" : "off");
            System.setProperty("tinyforge.codebook", sparse ? "on" : "off"); // the baseline is plain dense int8
            try {
                GeneratorOptions opt = new GeneratorOptions("m", "PrunedModelsHostTest");
                Path gen = tmp.resolve(sparse ? "sparse" : "dense");
                CodeGenerator.generate(m, opt, gen);
                String modelC = Files.readString(gen.resolve("model.c"));
                assertEquals(sparse, modelC.contains("_sp_s8("), what + ": sparse kernels called iff enabled");
                HostProgram p = HostBuild.compile(gen, CodeGenerator.harness(m, opt), tmp.resolve("build-" + sparse));
                byte[] out = p.run(inputs);
                int n = (int) g.outputRecordBytes();
                for (int v = 0; v < 6; v++) {
                    Bytes.assertSame(what + (sparse ? " sparse" : " dense") + " C vs Java, vector " + v,
                            java.run(Arrays.copyOfRange(inputs, v * inBytes, (v + 1) * inBytes)),
                            Arrays.copyOfRange(out, v * n, (v + 1) * n), 1);
                }
                if (sparse) {
                    sparseArrays = arrays(gen.resolve("model_data.c"));
                } else {
                    denseArrays = arrays(gen.resolve("model_data.c"));
                }
            } finally {
                if (prop == null) {
                    System.clearProperty("tinyforge.sparse");
                } else {
                    System.setProperty("tinyforge.sparse", prop);
                }
                if (cbProp == null) {
                    System.clearProperty("tinyforge.codebook");
                } else {
                    System.setProperty("tinyforge.codebook", cbProp);
                }
                if (codedProp == null) {
                    System.clearProperty("tinyforge.sparse.coded");
                } else {
                    System.setProperty("tinyforge.sparse.coded", codedProp);
                }
            }
        }
        long dense = 0;
        long sparse = 0;
        for (SparsityStats.Layer l : intStats.layers()) {
            dense += filterBytes(denseArrays, l.tensor());
            sparse += filterBytes(sparseArrays, l.tensor());
        }
        assertEquals(intStats.elements(), dense, what + ": dense filters are one byte each");
        double ratio = (double) dense / sparse;
        System.out.printf("%s: filters %d -> %d bytes (%.2fx)%n", what, dense, sparse, ratio);
        // the bounds: 80 % >= 2.5x, 90 % >= 4x smaller than dense int8; 1 byte per entry with 4-bit codes
        assertTrue(ratio >= minRatio, what + ": sparse filters take " + sparse + " of " + dense + " bytes ("
                + ratio + "x), want >= " + minRatio + "x");
    }

    private static int[] bias(Interpreter it, Operator o, int rows) {
        int[] b = new int[rows];
        if (o.inputCount() > 2 && o.input(2) >= 0) {
            for (int c = 0; c < rows; c++) {
                b[c] = it.store().int32(o.input(2), c);
            }
        }
        return b;
    }

    private static final Pattern ARRAY = Pattern.compile("const (int8_t|uint8_t|int16_t|int32_t) (\\w+)\\[(\\d+)\\]");

    private static Map<String, Long> arrays(Path modelDataC) throws Exception {
        Map<String, Long> r = new LinkedHashMap<>();
        Matcher mm = ARRAY.matcher(Files.readString(modelDataC));
        while (mm.find()) {
            int size = switch (mm.group(1)) {
                case "int8_t", "uint8_t" -> 1;
                case "int16_t" -> 2;
                default -> 4;
            };
            r.put(mm.group(2), Long.parseLong(mm.group(3)) * size);
        }
        return r;
    }

    /** Bytes of the arrays of filter tensor t: m_t{t} (dense) or m_t{t}_{rows,gaps,values,codebook}{n}. */
    private static long filterBytes(Map<String, Long> arrays, int t) {
        Pattern p = Pattern.compile("m_t" + t + "(_(rows|gaps|values|codebook|indices)\\d+)?");
        long n = 0;
        for (Map.Entry<String, Long> e : arrays.entrySet()) {
            if (p.matcher(e.getKey()).matches()) {
                n += e.getValue();
            }
        }
        return n;
    }
}
