package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whole generated programs for the basic operators: {@code tinyforge generate}'s C (model.c, arena, runtime
 * kernels) built with the host gcc and run on every vector, byte-compared with the Java reference and, for the
 * real simple-add model, with TFLM's golden outputs.
 */
class BasicOpsEndToEndTest {

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

    private byte[] hostOutputs(PreparedModel m, String name, byte[] records) {
        GeneratorOptions opt = new GeneratorOptions(name, "test " + name);
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve(name + "-gen"));
        HostProgram p = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve(name + "-build"));
        return p.run(records);
    }

    @Test
    void simpleAddModelGeneratedCEqualsTflmGoldens() {
        SharedModels.require();
        Graph g = TfliteImporter.load(SharedModels.model("tflm_simple_add_int8"));
        Golden gold = SharedModels.golden("tflm_simple_add_int8");
        PreparedModel m = PreparedModel.prepare(g);
        byte[] host = hostOutputs(m, "simple_add", gold.inputs());
        Bytes.assertSame("tflm_simple_add_int8 generated C vs TFLM goldens (" + gold.count() + " vectors)",
                gold.outputs(), host, 1);
        Bytes.assertSame("tflm_simple_add_int8 generated C vs Java reference", javaOutputs(m, gold.inputs()), host, 1);
    }

    @ParameterizedTest
    @EnumSource(value = OpType.class, names = {"ADD", "AVERAGE_POOL_2D", "CONCATENATION", "DEQUANTIZE",
        "MAX_POOL_2D", "MEAN", "MUL", "PAD", "QUANTIZE", "RELU", "RELU6"})
    void oneOpFixtureGeneratedCEqualsJavaInBothRoundings(OpType type) {
        Graph g = FixtureModels.forOp(type);
        byte[] records = FixtureGraphs.randomRecords(g, 8, 1234 + type.ordinal());
        for (Rounding r : Rounding.values()) {
            PreparedModel m = PreparedModel.prepare(g, new PrepareContext(r));
            String name = "fixture_" + type.name().toLowerCase(java.util.Locale.ROOT) + "_" + r.name().toLowerCase(
                    java.util.Locale.ROOT);
            Bytes.assertSame(g.name() + " generated C vs Java (" + r + " rounding)", javaOutputs(m, records),
                    hostOutputs(m, name, records), 1);
        }
    }
}
