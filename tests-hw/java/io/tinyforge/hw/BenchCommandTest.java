package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.cli.Main;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of {@code tinyforge bench} (the command that regenerates the BENCHMARKS tables) on the smallest
 * shared model, one board, one vector: the firmware runs, its output equals the golden, and the row carries
 * the TFLM baseline's figure for that core beside ours.
 */
class BenchCommandTest {

    @Test
    void benchOnHelloWorldWritesARowBesideTheTflmBaseline() throws Exception {
        HwTools.requireToolchain();
        HwTools.requireQemu();
        Path models = SharedModels.require();
        Path out = HwTools.freshDir("bench").resolve("bench.md");
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"bench", "--models", models.toString(), "--model", "tflm_hello_world_int8",
            "--boards", "qemu-mps2-an386", "--vectors", "1", "--out", out.toString()},
                new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        assertEquals(0, code, "bench exit code; stderr: " + e.toString(StandardCharsets.UTF_8));
        String md = Files.readString(out);
        String row = md.lines().filter(l -> l.startsWith("| tflm_hello_world_int8 |")).findFirst().orElse("");
        assertTrue(row.endsWith("| equal |"), "outputs equal the golden: " + md);
        Path baseline = models.resolve("..").resolve("baselines").resolve("tflm-cortex-m.md");
        if (Files.isRegularFile(baseline)) {
            String text = Files.readString(baseline);
            String m4 = text.substring(text.indexOf("### Cortex-M4")).lines()
                    .filter(l -> l.startsWith("| tflm_hello_world_int8 |")).findFirst().orElseThrow();
            String tflmRef = m4.split("\\|")[2].trim();
            assertTrue(row.contains("| " + tflmRef + " |"), "M4 TFLM-ref figure " + tflmRef + " in " + row);
        }
    }
}
