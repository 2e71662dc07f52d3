package io.tinyforge.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.NativeProgram;
import io.tinyforge.testing.SharedModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** In-place operators: the planner's groups, the arena they save on the shared models, and the C kernels. */
class InPlaceTest {

    @TempDir
    Path tmp;

    @Test
    void groupMembersMustShareTheirOffsetAndMayOverlap() {
        List<BufferRequest> bufs = List.of(new BufferRequest("a", 32, 0, 1, 0), new BufferRequest("b", 64, 1, 2, 0),
                new BufferRequest("c", 16, 0, 2));
        for (MemoryPlanner p : Planners.all()) {
            MemoryPlan plan = p.plan(bufs);
            plan.check(bufs);
            assertEquals(plan.offset(0), plan.offset(1), p.name());
        }
        MemoryPlan apart = new MemoryPlan("manual", new long[] {0, 32, 96}, 112);
        assertThrows(IllegalStateException.class, () -> apart.check(bufs));
        MemoryPlan together = new MemoryPlan("manual", new long[] {0, 0, 64}, 80);
        together.check(bufs);
        assertEquals(32 + 64 + 16, Lifetimes.lowerBound(bufs), "the no-in-place bound counts a and b apart at step 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tinyforge.testing.SharedModels#int8Models")
    void inPlaceKeepsEverySharedModelWithinTwoKilobytesOfTheLowerBound(String model) {
        PreparedModel m = PreparedModel.prepare(TfliteImporter.load(SharedModels.model(model)));
        ArenaPlan a = ArenaPlan.of(m, Planners.defaultPlanner());
        assertTrue(a.arenaBytes() <= a.lowerBound() + 2048, model + ": arena " + a.arenaBytes() + " vs lower bound "
                + a.lowerBound());
        assertTrue(a.arenaBytes() <= a.arenaNoInPlace(), model);
        assertTrue(a.lifetimes().inPlaceCandidates().containsAll(a.lifetimes().inPlaceOps().keySet()), model);
        for (var e : a.lifetimes().inPlaceOps().entrySet()) {
            assertEquals(a.tensorOffset(e.getValue().input()), a.tensorOffset(e.getValue().output()),
                    model + " op " + e.getKey() + " in place but input and output apart");
        }
        // every candidate in place at once is a valid plan too (checks the group placement)
        Lifetimes all = Lifetimes.of(m, a.lifetimes().inPlaceCandidates());
        for (MemoryPlanner p : Planners.all()) {
            MemoryPlan plan = p.plan(all.buffers());
            plan.check(all.buffers());
            assertTrue(plan.arenaBytes() >= all.inPlaceLowerBound(), model + " " + p.name());
        }
    }

    @Test
    void vwwGoesBelowTheNoInPlaceLowerBound() {
        PreparedModel m = PreparedModel.prepare(TfliteImporter.load(SharedModels.model("mlperf_tiny_vww_96_int8")));
        ArenaPlan a = ArenaPlan.of(m, Planners.defaultPlanner());
        assertTrue(a.arenaBytes() < a.lowerBound(), "vww arena " + a.arenaBytes() + " vs lower bound "
                + a.lowerBound());
        assertTrue(!a.lifetimes().inPlaceOps().isEmpty());
    }

    static Stream<String> sanitize() {
        return Stream.of("plain", "sanitized", "dsp-emulated");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sanitize")
    void inPlaceKernelsEqualTheOrdinaryKernelsOnRandomCases(String mode) throws Exception {
        Path rt = Path.of("runtime-c");
        Files.writeString(tmp.resolve("tfg_config.h"), "/* empty: double rounding */\n");
        List<String> flags = new ArrayList<>(List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-I" + rt.resolve("include"), "-I" + tmp));
        if (mode.equals("dsp-emulated")) {
            flags.add("-DTFG_DSP_EMULATE");
        }
        if (!mode.equals("plain")) {
            flags.addAll(List.of("-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"));
        } else {
            flags.add("-O2");
        }
        List<Path> src = List.of(Path.of("src/test/resources/ctest/inplace_kernels.c"),
                rt.resolve("src/conv/tfg_conv2d_s8.c"), rt.resolve("src/conv/tfg_depthwise_conv2d_s8.c"),
                rt.resolve("src/inplace/tfg_conv1x1_inplace_s8.c"),
                rt.resolve("src/inplace/tfg_depthwise_conv2d_inplace_s8.c"),
                rt.resolve("src/conv/tfg_depthwise_conv2d_dsp_s8.c"));
        String out = new String(NativeProgram.build("gcc", flags, src, tmp).run(new byte[0]), StandardCharsets.UTF_8);
        assertTrue(out.startsWith("cases "), out);
        assertTrue(Integer.parseInt(out.strip().substring(6)) > 500, out);
    }
}
