package io.tinyforge.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Boards;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which generated sources a firmware build compiles with -Os (cold) and which keep -O2 (hot). */
class SizeOptimizedTest {

    @Test
    void sourcesOutsideTheHotListAndModelCAreSizeOptimized() throws Exception {
        Path dir = Files.createTempDirectory("sizeopt");
        Files.writeString(dir.resolve("tfg_config.h"), "#define TFG_HOT_SOURCES \"tfg_a_s8.c tfg_b_s8.c\"\n");
        for (String f : List.of("model.c", "model_data.c", "tfg_a_s8.c", "tfg_b_s8.c", "tfg_c_s8.c", "fw_main.c")) {
            Files.writeString(dir.resolve(f), "");
        }
        assertEquals(List.of("model.c", "tfg_c_s8.c"), SizeOptimized.sources(dir));
    }

    @Test
    void aModelDirectoryWithoutTheHotListKeepsEverythingAtO2() {
        assertEquals(List.of(), SizeOptimized.sources(Path.of("tests-hw", "stub-model")));
    }

    @Test
    void kwsConvolutionsAreHotAndItsSoftmaxAndClassifierCold() throws Exception {
        Path model = SharedModels.model("mlperf_tiny_kws_ref_int8");
        PreparedModel pm = PreparedModel.prepare(TfliteImporter.load(model));
        Path dir = Files.createTempDirectory("sizeopt-kws");
        CodeGenerator.generate(pm, new GeneratorOptions("kws", "test"), dir);
        List<String> cold = SizeOptimized.sources(dir);
        assertTrue(cold.containsAll(List.of("model.c", "tfg_softmax_s8.c", "tfg_avgpool_s8.c")), "cold: " + cold);
        List<String> fc;
        try (var s = Files.list(dir)) {
            fc = s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("tfg_fully_connected")).toList();
        }
        assertTrue(!fc.isEmpty() && cold.containsAll(fc), "the 768-MAC classifier is cold: " + fc + " vs " + cold);
        /* the in-place depthwise wrapper only drives the depthwise kernel row by row (HotKernels.DRIVERS) */
        assertTrue(cold.stream().filter(f -> !f.equals("tfg_depthwise_conv2d_inplace_s8.c"))
                .noneMatch(f -> f.startsWith("tfg_conv") || f.startsWith("tfg_depthwise")),
                "convolutions must stay -O2: " + cold);
        Path project = new FirmwareProject(Boards.builtin().get("qemu-mps2-an386"), ModelApi.read(dir),
                TestVectors.of(ModelApi.read(dir), new byte[490], "zeros"), List.of(), "test")
                .write(dir, Files.createTempDirectory("sizeopt-fw"));
        String mk = Files.readString(project.resolve("Makefile"));
        assertTrue(mk.contains("SIZE_SRCS := " + String.join(" ", cold)), mk);
        assertTrue(Files.readString(project.resolve("CMakeLists.txt")).contains("COMPILE_OPTIONS -Os"));
    }
}
