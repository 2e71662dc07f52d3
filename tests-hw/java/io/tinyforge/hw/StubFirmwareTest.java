package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.firmware.FirmwareRun;
import io.tinyforge.firmware.FirmwareRunner;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.testing.Bytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole firmware path (project → make → QEMU → parsed outputs → instruction counts) on every
 * QEMU-emulated board, with the hand-written stub model of {@code tests-hw/stub-model} whose outputs the
 * test computes itself.
 */
class StubFirmwareTest {

    static Stream<String> qemuBoards() {
        return Boards.builtin().all().stream().filter(Board::emulatedByQemu).map(Board::name);
    }

    @ParameterizedTest
    @MethodSource("qemuBoards")
    void stubModelOutputsMatchJavaOnEveryQemuBoard(String boardName) {
        HwTools.requireQemu();
        Board board = Boards.builtin().get(boardName);
        ModelApi api = ModelApi.read(HwTools.STUB_MODEL);
        int vectors = 4;
        byte[] inputs = new byte[vectors * 32];
        long z = 0x1234_5678L;
        for (int i = 0; i < inputs.length; i++) {
            z = z * 6364136223846793005L + 1442695040888963407L;
            inputs[i] = (byte) (z >>> 56);
        }
        FirmwareRun run = new FirmwareRunner(board, Duration.ofSeconds(30), HwTools.PLUGIN_DIR)
                .run(HwTools.STUB_MODEL, TestVectors.of(api, inputs, "pseudo-random"), HwTools.freshDir("stub-" + boardName),
                        "test");
        Bytes.assertSame("stub on " + boardName, expected(inputs, vectors), run.outputs(), 1);
        assertEquals(vectors, run.instructions().size(), "one instruction count per inference");
        assertTrue(run.instructions().stream().allMatch(n -> n > 16 && n.equals(run.instructions().get(0))),
                "the stub's inference runs the same instructions every time: " + run.instructions());
        assertTrue(run.image().usage().ramBytes() <= board.ram().size(), "RAM reported within the board");
        assertTrue(run.image().usage().bss() >= api.arenaBytes(), "the arena lies in bss");
        assertTrue(run.stackUsed() > 0 && run.stackUsed() < board.stackBytes(),
                "stack high-water mark reported and within the reserve: " + run.stackUsed());
    }

    /** What the stub computes: out0 = in0 + in1 + 1 per byte; out1 = 1 (first call after reset) + sum of in0. */
    private static byte[] expected(byte[] inputs, int vectors) {
        ByteBuffer out = ByteBuffer.allocate(vectors * 20).order(ByteOrder.LITTLE_ENDIAN);
        for (int v = 0; v < vectors; v++) {
            int base = v * 32;
            int sum = 1;
            for (int i = 0; i < 16; i++) {
                out.put((byte) (inputs[base + i] + inputs[base + 16 + i] + 1));
                sum += inputs[base + i];
            }
            out.putInt(sum);
        }
        return out.array();
    }
}
