package io.tinyforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.emulator.QemuRunner;
import io.tinyforge.emulator.RenodeRunner;
import io.tinyforge.firmware.ProcessOutput;
import io.tinyforge.firmware.Toolchain;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The firmware side of the command line: boards, generate --board, run --engine qemu|renode. */
class FirmwareCliTest {

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String model(String name) {
        return SharedModels.model(name).toString();
    }

    private static void requireFirmwareTools() {
        boolean present = Toolchain.canBuildFirmware() && QemuRunner.available() && Toolchain.has("gcc");
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but arm-none-eabi-gcc/qemu-system-arm/gcc missing");
        }
        assumeTrue(present, "skipped: arm-none-eabi-gcc, qemu-system-arm or host gcc not on PATH");
    }

    @Test
    void boardsListsEveryBoard() {
        Result r = cli("boards");
        assertEquals(0, r.code(), r.err());
        for (Board b : Boards.builtin().all()) {
            assertTrue(r.out().contains(b.name()), "lists " + b.name() + ":\n" + r.out());
        }
        assertTrue(r.out().contains("qemu -M mps2-an386"), r.out());
    }

    @Test
    void generateWithBoardWritesAProjectThatMakeBuilds() throws Exception {
        Path out = tmp.resolve("proj");
        Result r = cli("generate", model("tflm_hello_world_int8"), "--board", "stm32f746g-disco", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("model.h", "fw_main.c", "fw_startup.c", "link.ld", "Makefile", "CMakeLists.txt",
                "tflm_hello_world_int8.resc", "tflm_hello_world_int8.robot")) {
            assertTrue(Files.exists(out.resolve(f)), f + " written");
        }
        assertTrue(Files.readString(out.resolve("tflm_hello_world_int8.robot")).contains("Wait For Line On Uart   OUT "),
                "the Renode test expects the reference's output lines");
        requireFirmwareTools();
        ProcessOutput make = ProcessOutput.run(List.of("make", "-C", out.toString()), null, 300);
        assertEquals(0, make.status(), make.stderr());
        assertTrue(Files.exists(out.resolve("build").resolve("tflm_hello_world_int8.elf")));
    }

    @Test
    void runOnQemuReproducesGoldensAndWritesTheReport() throws Exception {
        requireFirmwareTools();
        Golden g = SharedModels.golden("tflm_hello_world_int8");
        Path in = tmp.resolve("in.bin");
        Files.write(in, g.inputs());
        Path out = tmp.resolve("out.bin");
        Path report = tmp.resolve("r.json");
        Result r = cli("run", model("tflm_hello_world_int8"), "--engine", "qemu", "--board", "qemu-mps2-an386",
                "--input", in.toString(), "--output", out.toString(), "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        Bytes.assertSame("hello_world via run --engine qemu", g.outputs(), Files.readAllBytes(out), 1);
        JsonNode j = new ObjectMapper().readTree(report.toFile());
        for (String f : List.of("flash_bytes", "ram_bytes", "arena_bytes", "instructions_per_inference")) {
            assertTrue(j.path(f).asLong() > 0, f + " in " + j);
        }
        assertTrue(j.path("commands").toString().contains("qemu-system-arm -M mps2-an386"), j.toString());
        assertTrue(j.path("ram_bytes").asLong() >= j.path("arena_bytes").asLong() + j.path("stack_bytes").asLong());
    }

    @Test
    void modelTooLargeForTheBoardIsOneLineExit2() throws Exception {
        Path in = tmp.resolve("in.bin");
        Files.write(in, new byte[640]);
        Result r = cli("run", model("mlperf_tiny_ad01_int8"), "--engine", "qemu", "--board", "qemu-microbit",
                "--input", in.toString(), "--output", tmp.resolve("o.bin").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("does not fit board qemu-microbit") && r.err().contains("262,144 B flash"), r.err());
    }

    @Test
    void boardWithoutQemuIsRefused() throws Exception {
        Path in = tmp.resolve("in.bin");
        Files.write(in, new byte[1]);
        Result r = cli("run", model("tflm_hello_world_int8"), "--engine", "qemu", "--board", "nucleo-f446re",
                "--input", in.toString(), "--output", tmp.resolve("o.bin").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no QEMU machine"), r.err());
    }

    @Test
    void renodeAbsentIsSaidInOneLine() throws Exception {
        assumeTrue(!RenodeRunner.available(), "skipped: Renode is installed here");
        Path in = tmp.resolve("in.bin");
        Files.write(in, new byte[1]);
        Result r = cli("run", model("tflm_hello_world_int8"), "--board", "stm32f746g-disco", "--emulator", "renode",
                "--input", in.toString(), "--output", tmp.resolve("o.bin").toString());
        assertEquals(2, r.code());
        assertEquals("tinyforge: " + RenodeRunner.NOT_INSTALLED, r.err().strip());
    }
}
