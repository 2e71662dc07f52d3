package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.course.VariantMeasurer;
import io.tinyforge.data.ImageDatasets;
import io.tinyforge.data.LabeledImages;
import io.tinyforge.host.HostBuild;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.passes.FoldFloat16Dequantize;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.train.ModelAccuracy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyforge demo}: the quick course end to end, its reports, and its errors. */
class DemoCourseTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(Run r) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("tinyforge: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), "exactly one line: " + r.err());
    }

    @Test
    void quickCourseReportsEveryVariantWithCEqualToJava() throws Exception {
        Path data = ImageDatasets.DEBIAN_FASHION_MNIST;
        assumeTrue(ImageDatasets.present(data), "skipped: " + data + " absent (apt install dataset-fashion-mnist)");
        Path out = tmp.resolve("out");
        Run r = cli("demo", "--quick", "--data", data.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("time per stage:"), r.out());

        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("quick", j.get("budget").get("name").asText());
        assertTrue(j.get("allEqual").asBoolean(), j.toPrettyString());
        int testImages = j.get("budget").get("testImages").asInt();
        Set<String> ids = new HashSet<>();
        JsonNode variants = j.get("variants");
        boolean emulator = VariantMeasurer.emulatorInstalled();
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(emulator, "CI=true: arm-none-eabi-gcc, make and qemu-system-arm must be installed");
        }
        long floatWeights = variants.get(0).get("weightBytes").asLong();
        assertEquals("float32", variants.get(0).get("id").asText());
        for (JsonNode v : variants) {
            String id = v.get("id").asText();
            ids.add(id);
            double acc = v.get("accuracy").asDouble();
            // ten classes: chance is 10 %; one epoch on 2,000 images already gets far above it. Pruning 90 % of
            // that weak model with one short fine-tuning epoch, or a 2,000-parameter student after one epoch, is
            // not expected to get there, so those rows are only checked to be accuracies.
            boolean weak = id.startsWith("pruned") || id.startsWith("student");
            assertTrue(acc >= 0 && acc <= 1 && (weak || acc > 0.5), id + " accuracy " + acc);
            double correct = acc * testImages;
            assertEquals(Math.rint(correct), correct, 1e-6, id + ": accuracy is not a count over " + testImages);
            assertTrue(v.get("weightBytes").asLong() > 0, id);
            assertTrue(v.get("arenaBytes").asLong() > 0, id);
            assertEquals((double) floatWeights / v.get("weightBytes").asLong(), v.get("compressionVsFloat").asDouble(),
                    0.006, id);
            assertTrue(v.get("hostC").get("equal").asBoolean(), id + ": host C differs from Java");
            assertTrue(v.get("hostC").get("images").asInt() >= 1, id);
            assertTrue(Files.isRegularFile(out.resolve("models").resolve(id + ".tflite")), id);
            assertTrue(Files.isRegularFile(out.resolve("c").resolve(id).resolve("model_data.c")), id);
            if (emulator) {
                assertTrue(v.get("emulator").get("equal").asBoolean(), id + ": firmware output differs from Java");
                assertTrue(v.get("flashBytes").asLong() > v.get("weightBytes").asLong(), id + " flash holds the weights");
                assertTrue(v.get("ramBytes").asLong() >= v.get("arenaBytes").asLong(), id + " RAM holds the arena");
                assertTrue(v.get("instructionsPerInference").asLong() > 1000, id);
            } else {
                assertTrue(v.get("flashBytes").isNull(), id);
            }
        }
        assertTrue(ids.containsAll(List.of("float32", "int8_ptq", "dynamic_range", "float16", "int8_kmeans4",
                "kmeans4_ft_int8", "pruned80_int8", "pruned90_int8", "structured50_int8", "qat_int8", "student_kd_int8",
                "student_scratch_int8", "pruned80_int8_kmeans4", "pruned80_qat_int8")), ids.toString());
        // int8 weights take a quarter of float32's bytes plus per-channel parameters, or half of them where the
        // generator packs them as int16 for the GEMM kernels; 4-bit codebooks less again
        assertTrue(ratio(variants, "int8_ptq") > 1.5, "int8 compression " + ratio(variants, "int8_ptq"));
        assertTrue(ratio(variants, "float16") > 1.9, "float16 compression " + ratio(variants, "float16"));
        assertTrue(ratio(variants, "int8_kmeans4") > ratio(variants, "int8_ptq"), "k-means below int8");
        // 80 % zeros stored sparsely: well below the dense int8 weights
        assertTrue(ratio(variants, "pruned80_int8") > 1.5 * ratio(variants, "int8_ptq"), "sparse below dense int8");
        assertTrue(ratio(variants, "pruned80_int8_kmeans4") > ratio(variants, "pruned80_int8"), "4-bit sparse entries");
        for (JsonNode p : j.get("pending")) {
            assertFalse(p.get("reason").asText().isBlank(), p.toString());
            assertFalse(ids.contains(p.get("id").asText()), "pending and measured: " + p);
        }

        // the written artefacts on their own: the int8 model's C, rebuilt from OUT/c, equals the Java reference
        Graph g = FoldFloat16Dequantize.apply(TfliteImporter.load(out.resolve("models/int8_ptq.tflite")));
        PreparedModel m = PreparedModel.prepare(g);
        LabeledImages test = ImageDatasets.test(data).limit(4);
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteArrayOutputStream java = new ByteArrayOutputStream();
        Interpreter it = new Interpreter(m);
        for (int i = 0; i < test.count(); i++) {
            byte[] rec = ModelAccuracy.encode(g.tensor(g.inputs()[0]), test.image(i));
            in.writeBytes(rec);
            java.writeBytes(it.run(rec));
        }
        byte[] c = HostBuild.compile(out.resolve("c/int8_ptq"), CodeGenerator.harness(m, new GeneratorOptions("int8_ptq",
                "test")), tmp.resolve("rebuild")).run(in.toByteArray());
        assertArrayEquals(java.toByteArray(), c, "int8_ptq: C from OUT/c vs Java on 4 test images");

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.split("<svg ", -1).length - 1 >= 5, "scatter and bar charts");
        for (String external : List.of("<script", "<link", "src=", "url(", "https:", "@import")) {
            assertFalse(html.contains(external), "report.html must be self-contained, found " + external);
        }
        for (String id : ids) {
            assertTrue(html.contains(">" + id + "<"), id + " in the HTML table");
        }
    }

    private static double ratio(JsonNode variants, String id) {
        for (JsonNode v : variants) {
            if (v.get("id").asText().equals(id)) {
                return v.get("compressionVsFloat").asDouble();
            }
        }
        throw new AssertionError(id + " not in the report");
    }

    @Test
    void missingOrEmptyDataDirectoryIsAOneLineUsageError() throws Exception {
        Run missing = cli("demo", "--data", tmp.resolve("nope").toString(), "--out", tmp.resolve("o").toString());
        assertOneLineError(missing);
        assertTrue(missing.err().contains("no such directory"), missing.err());
        Files.createDirectories(tmp.resolve("empty"));
        Run empty = cli("demo", "--data", tmp.resolve("empty").toString(), "--out", tmp.resolve("o").toString());
        assertOneLineError(empty);
        assertTrue(empty.err().contains("no Fashion-MNIST IDX files"), empty.err());
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written on bad input");
        assertOneLineError(cli("demo", "--embedded", "--quick"));
        assertOneLineError(cli("demo", "--data", tmp.toString(), "--seed", "x"));
    }

    @Test
    void withoutTheDatasetTheDemoRunsTheEmbeddedModelAndSaysSo() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Command.Invocation inv = new Command.Invocation(new PrintStream(buf, true, StandardCharsets.UTF_8), "t");
        DemoCommand demo = new DemoCommand();
        boolean course = CourseDemo.wanted(new DefaultParser().parse(demo.options(), new String[0]), inv,
                tmp.resolve("no-dataset"));
        assertFalse(course);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("running the embedded default model"), buf.toString());
        Files.createDirectories(tmp.resolve("d"));
        assertTrue(CourseDemo.wanted(new DefaultParser().parse(demo.options(), new String[] {"--data",
            tmp.resolve("d").toString()}), inv, tmp.resolve("no-dataset")), "--data asks for the course");
        assertFalse(CourseDemo.wanted(new DefaultParser().parse(demo.options(), new String[] {"--embedded"}), inv,
                ImageDatasets.DEBIAN_FASHION_MNIST));
        assertNotNull(demo.arguments());
    }
}
