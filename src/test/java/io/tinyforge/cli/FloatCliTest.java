package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.Float16Weights;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.testing.FloatRecords;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inspect}, {@code generate} and {@code run --engine java|c} accept a hybrid model and a TFLite-style
 * float16 model (whose DEQUANTIZE operators the CLI folds away on import); both engines write the same bytes.
 */
class FloatCliTest {

    @TempDir
    Path tmp;

    private static String[] cli(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, String.join(" ", args) + "\nstdout: " + o + "\nstderr: " + e);
        return new String[] {o, e};
    }

    @Test
    void hybridAndFloat16ModelsGoThroughInspectGenerateAndBothEngines() throws Exception {
        Path hybrid = SharedModels.model("float/mlperf_tiny_kws_ref_dynamic_range");
        Path fp16 = tmp.resolve("hello_fp16.tflite");
        Files.write(fp16, TfliteWriter.write(Float16Weights.withDequantize(
                TfliteImporter.load(SharedModels.model("float/tflm_hello_world_fp32")))));
        for (Path model : new Path[] {hybrid, fp16}) {
            String report = cli(0, "inspect", model.toString())[0];
            assertTrue(report.contains("MACs: ") && report.contains("arena bytes: "), report);
            assertFalse(report.contains("DEQUANTIZE"), "float16 DEQUANTIZE folded on import:\n" + report);
            Path out = tmp.resolve(model.getFileName() + "-gen");
            cli(0, "generate", model.toString(), "--out", out.toString());
            assertTrue(Files.readString(out.resolve("model.c")).contains("_f32(")
                    || Files.readString(out.resolve("model.c")).contains("_hybrid_s8("), "float kernels called");
            int floats = (int) (TfliteImporter.load(model).inputRecordBytes() / 4);
            Path in = tmp.resolve("in.bin");
            Files.write(in, FloatRecords.uniform(5, 2, floats, -1.0, 1.0));
            Path java = tmp.resolve("java.bin");
            Path c = tmp.resolve("c.bin");
            cli(0, "run", model.toString(), "--engine", "java", "--input", in.toString(), "--output", java.toString());
            cli(0, "run", model.toString(), "--engine", "c", "--input", in.toString(), "--output", c.toString());
            assertArrayEquals(Files.readAllBytes(java), Files.readAllBytes(c), model + ": java and c engines differ");
        }
    }
}
