package io.tinyforge.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project files written for a board (no toolchain needed). */
class FirmwareProjectTest {

    private static final Path STUB = Path.of("tests-hw", "stub-model");

    private static Path write(Board board, List<String> expected) throws Exception {
        ModelApi api = ModelApi.read(STUB);
        Path dir = Files.createTempDirectory("fwproj");
        byte[] in = new byte[64];
        in[5] = (byte) 0xAB;
        return new FirmwareProject(board, api, TestVectors.of(api, in, "test"), expected, "tinyforge generate x")
                .write(STUB, dir);
    }

    @Test
    void linkerScriptsCarryTheBoardMemories() throws Exception {
        Board b = Boards.builtin().get("nucleo-f446re");
        Path d = write(b, List.of());
        String ld = Files.readString(d.resolve("link.ld"));
        assertTrue(ld.contains("ORIGIN = 0x08000000, LENGTH = " + 512 * 1024), ld);
        assertTrue(ld.contains("ORIGIN = 0x20000000, LENGTH = " + 128 * 1024), ld);
        assertTrue(ld.contains("__stack_size = 8192;"), ld);
        assertTrue(Files.readString(d.resolve("link_sizing.ld")).contains("LENGTH = " + (256L << 20)));
        String mk = Files.readString(d.resolve("Makefile"));
        assertTrue(mk.contains("-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16"), mk);
        assertTrue(mk.contains("-Wall -Wextra -Werror") && mk.contains("-Wl,--gc-sections"), mk);
        assertTrue(Files.exists(d.resolve("model.c")) && Files.exists(d.resolve("CMakeLists.txt")));
        assertTrue(Files.readString(d.resolve("fw_vectors.c")).contains("0, 0, 0, 0, 0, 171,"), "vector bytes embedded");
        assertTrue(Files.readString(d.resolve("fw_main.c")).contains("memcpy(stub_input(1), record + 16, STUB_INPUT1_BYTES);"));
    }

    @Test
    void consoleFollowsTheBoard() throws Exception {
        String semi = Files.readString(write(Boards.builtin().get("qemu-mps2-an386"), List.of()).resolve("fw_console.c"));
        assertTrue(semi.contains("bkpt 0xAB") && !semi.contains("FW_UART_BASE"), semi);
        String uart = Files.readString(write(Boards.builtin().get("qemu-netduinoplus2"), List.of()).resolve("fw_console.c"));
        assertTrue(uart.contains("#define FW_UART_BASE 0x40011000u") && uart.contains("STM32F1/F2/F4 USART"), uart);
    }

    @Test
    void renodeFilesOnlyForBoardsWithAPlatform() throws Exception {
        Path disco = write(Boards.builtin().get("stm32f746g-disco"), List.of("OUT 0a0b"));
        String robot = Files.readString(disco.resolve("stub.robot"));
        assertTrue(robot.contains("Wait For Line On Uart   OUT 0a0b") && robot.contains("sysbus.usart1"), robot);
        assertTrue(Files.readString(disco.resolve("stub.resc")).contains("stm32f7_discovery-bb.repl"));
        Path an386 = write(Boards.builtin().get("qemu-mps2-an386"), List.of());
        assertEquals(false, Files.exists(an386.resolve("stub.robot")));
    }
}
