package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinyforge.codegen.ToolVersion;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.testing.FixtureGraphs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    /** Exit code, stdout and stderr of one CLI call. */
    record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Run r, int code) {
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().startsWith("tinyforge: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "exactly one line: " + r.err());
    }

    private Path chainModel() throws Exception {
        return Files.write(tmp.resolve("chain.tflite"),
                io.tinyforge.exporter.TfliteWriter.write(FixtureGraphs.reshapeChain()));
    }

    @Test
    void versionAndHelp() {
        Run v = cli("--version");
        assertEquals(0, v.code());
        assertEquals("tinyforge " + ToolVersion.get(), v.out().strip());
        Run h = cli("--help");
        assertEquals(0, h.code());
        for (String c : new String[] {"inspect", "generate", "run", "demo"}) {
            assertTrue(h.out().contains(c), c);
        }
        Run gh = cli("generate", "--help");
        assertEquals(0, gh.code());
        assertTrue(gh.out().contains("--rounding"), gh.out());
    }

    @Test
    void usageMistakesAreOneLineAndExitTwo() throws Exception {
        assertOneLineError(cli("frobnicate"), 2);
        assertOneLineError(cli("generate", "--bogus"), 2);
        assertOneLineError(cli("generate", tmp.resolve("missing.tflite").toString(), "--out", "x"), 2);
        assertOneLineError(cli("generate", chainModel().toString()), 2);
        assertOneLineError(cli("generate", chainModel().toString(), "--out", tmp.resolve("o").toString(),
                "--name", "9lives"), 2);
        assertOneLineError(cli("run", chainModel().toString(), "--engine", "gpu", "--input", "a", "--output", "b"),
                2);
        Path notModel = Files.writeString(tmp.resolve("junk.tflite"), "this is not a flatbuffer");
        assertOneLineError(cli("inspect", notModel.toString()), 2);
    }

    @Test
    void runRejectsAnInputFileThatIsNotWholeRecords() throws Exception {
        Path in = Files.write(tmp.resolve("in.bin"), new byte[24 * 2 + 5]);
        Run r = cli("run", chainModel().toString(), "--engine", "java", "--input", in.toString(), "--output",
                tmp.resolve("out.bin").toString());
        assertOneLineError(r, 2);
        assertTrue(r.err().contains("multiple"), r.err());
        assertFalse(Files.exists(tmp.resolve("out.bin")));
    }

    @Test
    void runJavaAndRunCWriteTheSameRecordsAsTheInterpreter() throws Exception {
        Graph g = FixtureGraphs.reshapeChain();
        byte[] records = FixtureGraphs.randomRecords(g, 5, 9);
        Path in = Files.write(tmp.resolve("in.bin"), records);
        Path model = chainModel();
        Run j = cli("run", model.toString(), "--engine", "java", "--input", in.toString(), "--output",
                tmp.resolve("java.bin").toString());
        assertEquals(0, j.code(), j.err());
        Run c = cli("run", model.toString(), "--engine", "c", "--input", in.toString(), "--output",
                tmp.resolve("c.bin").toString());
        assertEquals(0, c.code(), c.err());
        Interpreter it = new Interpreter(g);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            expected.writeBytes(it.run(Arrays.copyOfRange(records, 24 * i, 24 * (i + 1))));
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(tmp.resolve("java.bin")));
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(tmp.resolve("c.bin")));
    }

    @Test
    void generateWritesTheApiUnderTheRequestedName() throws Exception {
        Path out = tmp.resolve("gen");
        Run r = cli("generate", chainModel().toString(), "--out", out.toString(), "--name", "kws",
                "--rounding", "single");
        assertEquals(0, r.code(), r.err());
        String h = Files.readString(out.resolve("model.h"));
        assertTrue(h.contains("int kws_invoke(void);") && h.contains("#define KWS_ARENA_BYTES"), h);
        assertTrue(h.contains("Command: tinyforge generate"), h);
        assertTrue(Files.readString(out.resolve("tfg_config.h")).contains("TFG_SINGLE_ROUNDING 1"));
    }

    @Test
    void inspectReportsArenaAndLowerBoundAsJson() throws Exception {
        Run r = cli("inspect", chainModel().toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertEquals(2, n.get("operators").size());
        assertEquals("RESHAPE", n.get("operators").get(0).get("type").asText());
        assertEquals(64, n.get("arenaBytes").asLong());
        assertEquals(64, n.get("arenaLowerBound").asLong());
        assertEquals(8, n.get("weightBytes").asLong());
        Run t = cli("inspect", chainModel().toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("arena bytes: 64"), t.out());
    }

    @Test
    void demoVerifiesTheDefaultModel() {
        java.util.TreeSet<String> missing = new java.util.TreeSet<>();
        for (io.tinyforge.ir.Operator op : DemoModel.load().graph().operators()) {
            if (!io.tinyforge.codegen.Emitters.supports(op.type())) {
                missing.add(op.type().name());
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(missing.isEmpty(),
                "skipped: the demo model needs C emitters for " + missing);
        Run r = cli("demo", "--vectors", "3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("equal, byte for byte"), r.out());
        assertTrue(r.out().contains("arena bytes:"), r.out());
        boolean toolchain = io.tinyforge.firmware.Toolchain.canBuildFirmware()
                && io.tinyforge.firmware.Toolchain.has("qemu-system-arm");
        if (toolchain || "true".equals(System.getenv("CI"))) {
            // under CI=true a missing toolchain is a failure, not a skip
            assertTrue(r.out().contains("emulator:     equal to the Java reference, byte for byte"), r.out());
        } else {
            assertTrue(r.out().contains("emulator:     skipped"), r.out());
        }
    }

    @Test
    void noInPlaceGivesTheOutOfPlaceArena() {
        String kws = io.tinyforge.testing.SharedModels.model("mlperf_tiny_kws_ref_int8").toString();
        Run inPlace = cli("generate", kws, "--out", tmp.resolve("a").toString());
        Run outOfPlace = cli("generate", kws, "--out", tmp.resolve("b").toString(), "--no-in-place");
        assertEquals(0, inPlace.code(), inPlace.err());
        assertEquals(0, outOfPlace.code(), outOfPlace.err());
        long a = arena(inPlace.out());
        long b = arena(outOfPlace.out());
        // out of place the arena is exactly the no-in-place lower bound; in place it is below it
        assertTrue(outOfPlace.out().contains("arena " + b + " bytes, lower bound " + b + ")"), outOfPlace.out());
        assertTrue(a < b, "in-place arena " + a + " should be below the out-of-place " + b);
    }

    private static long arena(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("arena (\\d+) bytes").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }
}
