package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.emulator.EmulatorResult;
import io.tinyforge.emulator.Outcome;
import io.tinyforge.emulator.QemuRunner;
import io.tinyforge.firmware.FirmwareBuild;
import io.tinyforge.firmware.FirmwareImage;
import io.tinyforge.firmware.FirmwareProject;
import io.tinyforge.firmware.FirmwareTooLargeException;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How runs end: success, fault handler, lockup, hang, error status, and the refusal of a model that does not fit. */
class QemuRunnerTest {

    private static final String INVOKE_BODY = "    int32_t sum;\n    int32_t calls;\n";

    private static FirmwareImage build(String name, Path modelDir, Board board) {
        ModelApi api = ModelApi.read(modelDir);
        Path dir = HwTools.freshDir("runner-" + name + "-" + board.name());
        new FirmwareProject(board, api, TestVectors.of(api, new byte[32], "zeros"), List.of(), "test")
                .write(modelDir, dir);
        return FirmwareBuild.build(dir, board, api);
    }

    private static EmulatorResult runVariant(String name, String injected, String boardName, int seconds) {
        HwTools.requireQemu();
        Board board = Boards.builtin().get(boardName);
        Path model = HwTools.stubVariant(name, "model.c", INVOKE_BODY, INVOKE_BODY + injected);
        FirmwareImage image = build(name, model, board);
        return new QemuRunner(board.qemuMachine(), board.console().semihosting(), Duration.ofSeconds(seconds))
                .run(image.elf());
    }

    @Test
    void undefinedInstructionRunsTheFaultHandler() {
        EmulatorResult r = runVariant("udf", "    __asm__ volatile (\".inst.n 0xde00\");\n", "qemu-mps2-an386", 20);
        assertEquals(Outcome.FAULT, r.outcome(), r.describe());
        assertEquals(99, r.status());
        assertTrue(r.console().contains("FAULT"), r.describe());
    }

    @Test
    void faultOnAUartBoardIsReadFromItsExitLine() {
        EmulatorResult r = runVariant("udf-uart", "    __asm__ volatile (\".inst.n 0xde00\");\n", "qemu-netduinoplus2", 20);
        assertEquals(Outcome.FAULT, r.outcome(), r.describe());
        assertTrue(r.console().contains("EXIT 99"), r.describe());
    }

    @Test
    void faultWithFaultsMaskedIsALockup() {
        EmulatorResult r = runVariant("lockup", "    __asm__ volatile (\"cpsid f\\n\\t.inst.n 0xde00\");\n",
                "qemu-mps2-an386", 20);
        assertEquals(Outcome.LOCKUP, r.outcome(), r.describe());
    }

    @Test
    void endlessLoopIsKilledAsAHang() {
        EmulatorResult r = runVariant("hang", "    for (;;) {\n        __asm__ volatile (\"wfi\");\n    }\n",
                "qemu-mps2-an386", 1);
        assertEquals(Outcome.HANG, r.outcome(), r.describe());
        assertTrue(r.millis() < 10_000, "killed promptly: " + r.millis() + " ms");
    }

    @Test
    void failedInvokeIsAnErrorStatus() {
        EmulatorResult r = runVariant("status", "    if (stub_arena.bytes[0] == 0) {\n        return 5;\n    }\n",
                "qemu-mps2-an386", 20);
        assertEquals(Outcome.ERROR, r.outcome(), r.describe());
        assertEquals(3, r.status(), "main returns 3 when invoke fails");
        assertTrue(r.console().contains("INVOKE FAILED"), r.describe());
    }

    @Test
    void modelThatDoesNotFitIsRefusedWithTheNumbers() {
        HwTools.requireToolchain();
        Board microbit = Boards.builtin().get("qemu-microbit");
        Path model = HwTools.stubVariant("big-arena", "model.h", "#define STUB_ARENA_BYTES 64",
                "#define STUB_ARENA_BYTES 65536");
        FirmwareTooLargeException e = assertThrows(FirmwareTooLargeException.class, () -> build("big", model, microbit));
        String m = e.getMessage();
        assertTrue(m.contains("qemu-microbit") && m.contains("65,536 B arena") && m.contains("board has 16,384 B"), m);
        assertTrue(!m.contains("flash"), "flash fits, only RAM is named: " + m);
        assertTrue(!m.contains("\n"), "one line: " + m);
    }
}
