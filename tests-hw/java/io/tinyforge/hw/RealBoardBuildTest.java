package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import io.tinyforge.firmware.FirmwareBuild;
import io.tinyforge.firmware.FirmwareImage;
import io.tinyforge.firmware.FirmwareProject;
import io.tinyforge.firmware.ModelApi;
import io.tinyforge.firmware.ProcessOutput;
import io.tinyforge.firmware.TestVectors;
import io.tinyforge.firmware.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Boards without an emulator: the generated project builds warning-free with make (and with CMake). */
class RealBoardBuildTest {

    static Stream<String> realBoards() {
        return Boards.builtin().all().stream().filter(b -> !b.emulatedByQemu()).map(Board::name);
    }

    private static Path project(Board board, String tag) {
        ModelApi api = ModelApi.read(HwTools.STUB_MODEL);
        Path dir = HwTools.freshDir(tag + "-" + board.name());
        return new FirmwareProject(board, api, TestVectors.of(api, new byte[64], "zeros"), List.of(), "test")
                .write(HwTools.STUB_MODEL, dir);
    }

    @ParameterizedTest
    @MethodSource("realBoards")
    void stubFirmwareBuildsForRealBoard(String name) throws Exception {
        HwTools.requireToolchain();
        Board board = Boards.builtin().get(name);
        FirmwareImage image = FirmwareBuild.build(project(board, "real"), board, ModelApi.read(HwTools.STUB_MODEL));
        assertTrue(Files.size(image.elf()) > 0);
        ProcessOutput head = ProcessOutput.run(List.of("arm-none-eabi-readelf", "-h", "-l", image.elf().toString()),
                null, 60);
        assertTrue(head.stdout().contains(String.format("0x%08x", board.flash().origin())),
                "a segment is loaded at the board's flash origin: " + head.stdout());
    }

    @Test
    void cmakeBuildsTheSameProject() {
        HwTools.requireToolchain();
        org.junit.jupiter.api.Assumptions.assumeTrue(Toolchain.has("cmake"), "skipped: cmake not on PATH");
        Board board = Boards.builtin().get("nucleo-f446re");
        Path dir = project(board, "cmake");
        ProcessOutput conf = ProcessOutput.run(List.of("cmake", "-S", ".", "-B", "build-cmake"), dir, 300);
        assertEquals(0, conf.status(), conf.stdout() + conf.stderr());
        ProcessOutput build = ProcessOutput.run(List.of("cmake", "--build", "build-cmake"), dir, 300);
        assertEquals(0, build.status(), build.stdout() + build.stderr());
        assertTrue(Files.exists(dir.resolve("build-cmake").resolve("stub.elf")));
    }
}
