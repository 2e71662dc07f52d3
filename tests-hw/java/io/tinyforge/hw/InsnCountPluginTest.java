package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The instruction-count plugin is exact: an inference that adds a two-instruction loop of 1000·k
 * iterations (k = input byte 0) costs exactly 2000 more instructions per step of k.
 */
class InsnCountPluginTest {

    @Test
    void countsAKnownLoopExactly() {
        HwTools.requireQemu();
        Board board = Boards.builtin().get("qemu-mps2-an386");
        String loop = "    {\n        uint32_t n = 1000u * stub_arena.bytes[0] + 1u;\n"
                + "        __asm__ volatile (\"1: subs %0, %0, #1\\n\\tbne 1b\" : \"+l\"(n) : : \"cc\");\n    }\n";
        Path model = HwTools.stubVariant("loop", "model.c", "    int32_t calls;\n", "    int32_t calls;\n" + loop);
        ModelApi api = ModelApi.read(model);
        byte[] inputs = new byte[3 * 32];
        inputs[0] = 1;
        inputs[32] = 2;
        inputs[64] = 4;
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(30), HwTools.PLUGIN_DIR)
                .run(model, TestVectors.of(api, inputs, "loop counts"), HwTools.freshDir("insn-loop"), "test");
        long one = run.instructions().get(0);
        assertEquals(2000L, run.instructions().get(1) - one, "k=2 vs k=1: " + run.instructions());
        assertEquals(6000L, run.instructions().get(2) - one, "k=4 vs k=1: " + run.instructions());
    }
}
