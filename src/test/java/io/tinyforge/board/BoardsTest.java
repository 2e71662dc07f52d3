package io.tinyforge.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.ModelException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The board catalogue in {@code boards/}: required boards present and internally consistent. */
class BoardsTest {

    @Test
    void catalogueHoldsTheEmulatedAndRealBoards() {
        Set<String> names = Boards.builtin().all().stream().map(Board::name).collect(Collectors.toSet());
        for (String n : List.of("qemu-mps2-an386", "qemu-mps2-an500", "qemu-mps2-an505", "qemu-lm3s6965evb",
                "qemu-microbit", "qemu-netduinoplus2", "nucleo-l4r5zi", "nucleo-f446re", "stm32f746g-disco",
                "nucleo-h743zi", "arduino-nano-33-ble", "rpi-pico")) {
            assertTrue(names.contains(n), "missing board " + n);
        }
    }

    @Test
    void classpathAndSourceDirectoryAgree() {
        assertEquals(Boards.fromDirectory(Path.of("boards")).all(), Boards.builtin().all());
    }

    @Test
    void smallQemuBoardsHaveTheirChipMemories() {
        Board lm3s = Boards.builtin().get("qemu-lm3s6965evb");
        assertEquals(256 * 1024, lm3s.flash().size());
        assertEquals(64 * 1024, lm3s.ram().size());
        Board microbit = Boards.builtin().get("qemu-microbit");
        assertEquals(256 * 1024, microbit.flash().size());
        assertEquals(16 * 1024, microbit.ram().size());
        assertEquals(0x38000000L, Boards.builtin().get("qemu-mps2-an505").ram().origin(), "Secure SRAM alias");
    }

    @Test
    void cpuFlagsAgreeWithCoreAndFpu() {
        for (Board b : Boards.builtin().all()) {
            assertTrue(b.cpuFlags().contains("-mcpu=" + b.core()), b.name() + ": -mcpu matches core");
            assertTrue(b.cpuFlags().contains("-mthumb"), b.name());
            if (b.hasFpu()) {
                assertTrue(b.cpuFlags().contains("-mfloat-abi=hard") && b.cpuFlags().contains("-mfpu=" + b.fpu()),
                        b.name() + ": hard-float with its FPU");
            } else {
                assertTrue(b.cpuFlags().contains("-mfloat-abi=soft"), b.name() + ": soft-float without FPU");
            }
            assertTrue(b.stackBytes() > 0 && b.stackBytes() < b.ram().size(), b.name());
            assertTrue(b.console().semihosting() || b.console().address() != 0, b.name() + ": UART address");
        }
    }

    @Test
    void unknownBoardNamesTheKnownOnes() {
        ModelException e = assertThrows(ModelException.class, () -> Boards.builtin().get("stm32-nonexistent"));
        assertTrue(e.getMessage().contains("qemu-mps2-an386"), e.getMessage());
    }

    @Test
    void sizesParse() {
        assertEquals(4L << 20, MemoryRegion.parseSize("4M"));
        assertEquals(264 * 1024, MemoryRegion.parseSize("264K"));
        assertEquals(0x10000, MemoryRegion.parseSize("0x10000"));
        assertEquals(0x08000000L, MemoryRegion.parseNumber("0x08000000"));
    }
}
