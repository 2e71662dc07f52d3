package io.tinyforge.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.cluster.ClusterOptions;
import io.tinyforge.cluster.CodebookLayout;
import io.tinyforge.cluster.CodebookPolicy;
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
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.train.TrainedCnn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Entropy-coded sparse filters ({@link CodedSparseLayout}, {@code tfg_*_spc_s8}) on pruned CNNs (seeded random
 * weights, magnitude masks, full-int8 PTQ, optionally zero-keeping clusters): every CONV_2D / FULLY_CONNECTED
 * filter gets the smallest of dense, codebook, byte-aligned sparse and coded sparse, the coded layers decode to
 * the int8 filter, and the generated C equals the Java reference byte for byte on the host.
 */
class CodedSparseHostTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"c8-p-c16-p-d10, 0.8, 4", "c8-p-c16-p-d10, 0.9, 0", "c6-c5k5-p-d16-d10, 0.7, 3"})
    void codedSparseCEqualsJavaReference(String spec, double sparsity, int clusterBits) throws Exception {
        String prop = System.getProperty("tinyforge.sparse");
        System.setProperty("tinyforge.sparse", "on"); // coded filters are a size option (or forced on)
        try {
            check(spec, sparsity, clusterBits);
        } finally {
            if (prop == null) {
                System.clearProperty("tinyforge.sparse");
            } else {
                System.setProperty("tinyforge.sparse", prop);
            }
        }
    }

    private void check(String spec, double sparsity, int clusterBits) throws Exception {
        String what = spec + " at " + sparsity + (clusterBits > 0 ? " + " + clusterBits + "-bit clusters" : "");
        TrainedCnn pruned = PrunedCnns.pruned(PrunedCnns.random(spec, 28, 17), sparsity);
        Graph q = PrunedCnns.int8(pruned, "pruned");
        if (clusterBits > 0) {
            q = ZeroKeepingClusterer.cluster(q, ClusterOptions.of(clusterBits)).graph();
        }
        Graph g = TfliteImporter.parse(TfliteWriter.write(q), "pruned", what);
        PreparedModel m = PreparedModel.prepare(g);

        // the policy picks the smallest layout; coded layers decode to the filter
        int coded = 0;
        for (Operator o : g.operators()) {
            if (o.type() != OpType.CONV_2D && o.type() != OpType.FULLY_CONNECTED) {
                continue;
            }
            byte[] w = g.tensor(o.input(1)).data();
            int rows = g.tensor(o.input(1)).shape().dim(0);
            CodedSparseLayout c = CodedSparsePolicy.layout(g, o);
            long codedBytes = CodedSparseLayout.of(w, rows) == null ? Long.MAX_VALUE
                    : CodedSparseLayout.of(w, rows).bytes();
            SparseLayout s = SparseLayout.best(w, rows);
            CodebookLayout cb = CodebookPolicy.layout(g, o);
            long others = Math.min(w.length, Math.min(s == null ? Long.MAX_VALUE : s.bytes(),
                    cb == null ? Long.MAX_VALUE : cb.bytes()));
            assertEquals(codedBytes < others, c != null, what + " op " + o.index() + ": coded " + codedBytes
                    + " B vs the other layouts' " + others + " B");
            if (c != null) {
                coded++;
                assertArrayEquals(w, c.decode(), what + " op " + o.index() + ": decoded filter");
            }
        }
        assertTrue(coded >= 1, what + ": no layer coded");

        byte[] inputs = FixtureGraphs.randomRecords(g, 6, 23);
        int inBytes = (int) g.inputRecordBytes();
        Interpreter java = new Interpreter(m);
        GeneratorOptions opt = new GeneratorOptions("m", "CodedSparseHostTest");
        Path gen = tmp.resolve("gen");
        CodeGenerator.generate(m, opt, gen);
        String modelC = Files.readString(gen.resolve("model.c"));
        Matcher calls = Pattern.compile("_spc_s8\\(").matcher(modelC);
        int n = 0;
        while (calls.find()) {
            n++;
        }
        assertEquals(coded, n, what + ": coded kernels called once per coded layer");
        HostProgram p = HostBuild.compile(gen, CodeGenerator.harness(m, opt), tmp.resolve("build"));
        byte[] out = p.run(inputs);
        int outBytes = (int) g.outputRecordBytes();
        for (int v = 0; v < 6; v++) {
            Bytes.assertSame(what + " coded C vs Java, vector " + v,
                    java.run(Arrays.copyOfRange(inputs, v * inBytes, (v + 1) * inBytes)),
                    Arrays.copyOfRange(out, v * outBytes, (v + 1) * outBytes), 1);
        }
    }
}
