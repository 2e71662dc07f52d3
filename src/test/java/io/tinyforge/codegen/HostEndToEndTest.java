package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated C compiled for the host against the Java reference (the in-code fixture models) and against the
 * TFLM goldens (the shared models). Models with an operator that has no C emitter yet are skipped, naming it.
 */
class HostEndToEndTest {

    @TempDir
    Path tmp;

    static Stream<String> fixtures() {
        return FixtureModels.byName().keySet().stream();
    }

    private static void assumeGeneratable(Graph g) {
        TreeSet<String> missing = new TreeSet<>();
        for (Operator op : g.operators()) {
            if (!Emitters.supports(op.type())) {
                missing.add(op.type().name());
            }
        }
        assumeTrue(missing.isEmpty(), "skipped: " + g.name() + " needs C emitters for " + missing);
    }

    private HostProgram build(PreparedModel m, String name) {
        GeneratorOptions opt = new GeneratorOptions(name, "HostEndToEndTest " + name);
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        return HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve("build"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureModelOnHostEqualsJavaReference(String name) {
        Graph g = FixtureModels.byName().get(name);
        assumeGeneratable(g);
        PreparedModel m = PreparedModel.prepare(g);
        byte[] records = FixtureGraphs.randomRecords(g, 8, name.hashCode());
        Interpreter it = new Interpreter(m);
        int in = (int) g.inputRecordBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += in) {
            expected.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
        }
        byte[] actual = build(m, CNames.fromFileName(name)).run(records);
        Bytes.assertSame(name + " host C vs Java", expected.toByteArray(), actual, g.output(0).dtype().size());
    }

    @org.junit.jupiter.api.Test
    void defaultModelWithSingleRoundingOnHostEqualsJavaReference() {
        Graph g = FixtureModels.byName().get("default_int8");
        assumeGeneratable(g);
        PreparedModel m = PreparedModel.prepare(g,
                new io.tinyforge.refimpl.PrepareContext(io.tinyforge.fixedpoint.Rounding.SINGLE));
        byte[] records = FixtureGraphs.randomRecords(g, 20, 5);
        Interpreter it = new Interpreter(m);
        int in = (int) g.inputRecordBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += in) {
            expected.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
        }
        Bytes.assertSame("default_int8 single rounding host C vs Java", expected.toByteArray(),
                build(m, "default_single").run(records), 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tinyforge.testing.SharedModels#int8Models")
    void sharedModelOnHostEqualsTflmGoldens(String model) throws Exception {
        Path dir = SharedModels.require();
        Graph g = TfliteImporter.load(dir.resolve(model + ".tflite"));
        assumeGeneratable(g);
        byte[] inputs = Files.readAllBytes(dir.resolve("golden").resolve(model + ".inputs.bin"));
        byte[] expected = Files.readAllBytes(dir.resolve("golden").resolve(model + ".outputs.bin"));
        byte[] actual = build(PreparedModel.prepare(g), CNames.fromFileName(model)).run(inputs);
        Bytes.assertSame(model + " host C vs TFLM golden", expected, actual, g.output(0).dtype().size());
    }
}
