package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.host.HostBuild;
import io.tinyforge.host.HostProgram;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGeneratorTest {

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

    private void hostMatchesJava(Graph g, String name) {
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions(name, "test " + name);
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        HostProgram p = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve("build"));
        byte[] records = FixtureGraphs.randomRecords(g, 7, 42);
        byte[] expected = javaOutputs(m, records);
        byte[] actual = p.run(records);
        Bytes.assertSame(g.name() + " host C vs Java", expected, actual, 1);
    }

    @Test
    void singleReshapeOnHostEqualsJavaByteForByte() {
        hostMatchesJava(FixtureGraphs.singleReshape(), "single");
    }

    @Test
    void reshapeChainRunsInPlaceAndEqualsJava() throws Exception {
        hostMatchesJava(FixtureGraphs.reshapeChain(), "chain");
        String modelC = Files.readString(tmp.resolve("gen/model.c"));
        assertTrue(modelC.contains("in place"), "second reshape should be in place:\n" + modelC);
        assertEquals(1, modelC.split("memcpy\\(\\(\\(int8_t").length - 1, "exactly one copying reshape:\n" + modelC);
    }

    @Test
    void generatedFilesAreByteIdenticalAcrossRunsAndCompileWarningFree() throws Exception {
        PreparedModel m = PreparedModel.prepare(FixtureGraphs.reshapeChain());
        GeneratorOptions opt = new GeneratorOptions("chain", "tinyforge generate chain.tflite --out x");
        GeneratedModel a = CodeGenerator.generate(m, opt, tmp.resolve("a"));
        GeneratedModel b = CodeGenerator.generate(PreparedModel.prepare(FixtureGraphs.reshapeChain()), opt,
                tmp.resolve("b"));
        assertEquals(a.files(), b.files());
        assertEquals(list(tmp.resolve("a")), a.files(), "directory holds exactly the generated files");
        for (String f : a.files()) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
                    Files.readAllBytes(tmp.resolve("b").resolve(f)), f + " differs between runs");
            String text = Files.readString(tmp.resolve("a").resolve(f), StandardCharsets.UTF_8);
            assertTrue(text.startsWith(CodeGenerator.HEADER_MARK + " "), f + " lacks the do-not-edit header");
            assertTrue(text.contains(m.graph().sha256()), f + " lacks the model hash");
        }
        assertTrue(a.files().containsAll(List.of("model.h", "model.c", "model_data.h", "model_data.c",
                "tfg_config.h", "tfg_types.h", "tfg_fixedpoint.h", "tfg_nn.h")), a.files().toString());
        HostBuild.checkCompiles(tmp.resolve("a"), tmp.resolve("objs"));
    }

    @Test
    void regeneratingReplacesStaleGeneratedFilesButKeepsForeignOnes() throws Exception {
        Path dir = tmp.resolve("out");
        GeneratorOptions opt = new GeneratorOptions("chain", "test");
        CodeGenerator.generate(PreparedModel.prepare(FixtureGraphs.reshapeChain()), opt, dir);
        Files.writeString(dir.resolve("tfg_stale_s8.c"), CodeGenerator.HEADER_MARK + " old */\n");
        Files.writeString(dir.resolve("user_main.c"), "int main(void) { return 0; }\n");
        CodeGenerator.generate(PreparedModel.prepare(FixtureGraphs.reshapeChain()), opt, dir);
        assertFalse(Files.exists(dir.resolve("tfg_stale_s8.c")));
        assertTrue(Files.exists(dir.resolve("user_main.c")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("out"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary directory is left behind");
        }
    }

    @Test
    void singleRoundingIsWrittenToTheConfigHeader() throws Exception {
        var ctx = new io.tinyforge.refimpl.PrepareContext(io.tinyforge.fixedpoint.Rounding.SINGLE);
        PreparedModel m = PreparedModel.prepare(FixtureGraphs.singleReshape(), ctx);
        CodeGenerator.generate(m, new GeneratorOptions("single", "test"), tmp.resolve("s"));
        assertTrue(Files.readString(tmp.resolve("s/tfg_config.h")).contains("#define TFG_SINGLE_ROUNDING 1"));
        CodeGenerator.generate(PreparedModel.prepare(FixtureGraphs.singleReshape()),
                new GeneratorOptions("single", "test"), tmp.resolve("d"));
        assertTrue(Files.readString(tmp.resolve("d/tfg_config.h")).contains("#define TFG_SINGLE_ROUNDING 0"));
    }

    @Test
    void hostileTensorAndModelNamesCannotBreakTheGeneratedC() {
        Graph g = FixtureGraphs.singleReshape();
        String evil = "x*/ int oops; /* ??/ \n#error";
        List<io.tinyforge.ir.Tensor> ts = g.tensors().stream()
                .map(t -> new io.tinyforge.ir.Tensor(t.index(), evil, t.shape(), t.dtype(), t.quant(), t.data(),
                        t.variable()))
                .toList();
        Graph bad = new Graph(evil, ts, g.operators(), g.inputs(), g.outputs(), g.sha256());
        CodeGenerator.generate(PreparedModel.prepare(bad), new GeneratorOptions("m", "cmd */ ??/ " + evil),
                tmp.resolve("evil"));
        HostBuild.checkCompiles(tmp.resolve("evil"), tmp.resolve("evil_o"));
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
