package io.tinyforge.firmware;

import io.tinyforge.board.Board;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a firmware project with {@code make} (arm-none-eabi-gcc) and measures it with
 * {@code arm-none-eabi-size -A}. A program that overflows the board's memories is relinked against
 * {@code link_sizing.ld} only to measure it, and refused with a {@link FirmwareTooLargeException}.
 */
public final class FirmwareBuild {

    private static final long BUILD_SECONDS = 900;

    private FirmwareBuild() {
    }

    /** Builds {@code projectDir} (written by {@link FirmwareProject}) for {@code board}. */
    public static FirmwareImage build(Path projectDir, Board board, ModelApi api) {
        if (!Toolchain.canBuildFirmware()) {
            throw new IllegalStateException("arm-none-eabi-gcc, arm-none-eabi-size and make are needed to build firmware"
                    + " (Debian: apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi make)");
        }
        List<String> commands = new ArrayList<>();
        List<String> make = List.of("make", "-C", projectDir.toString(), "-j2");
        commands.add(String.join(" ", make));
        ProcessOutput built = ProcessOutput.run(make, null, BUILD_SECONDS);
        if (!built.ok()) {
            if (overflowed(built.stderr())) {
                List<String> sizing = List.of("make", "-C", projectDir.toString(), "-j2", "sizing");
                commands.add(String.join(" ", sizing));
                ProcessOutput measured = ProcessOutput.run(sizing, null, BUILD_SECONDS);
                if (!measured.ok()) {
                    throw new IllegalStateException("firmware sizing link failed: " + tail(measured.stderr()));
                }
                MemoryUsage usage = size(projectDir.resolve("build").resolve(api.name() + "-sizing.elf"), api, commands);
                throw new FirmwareTooLargeException(misfit(api.name(), board, usage));
            }
            throw new IllegalStateException("firmware build failed (" + built.commandLine() + "): " + tail(built.stderr()));
        }
        Path elf = projectDir.resolve("build").resolve(api.name() + ".elf");
        MemoryUsage usage = size(elf, api, commands);
        if (usage.flashBytes() > board.flash().size() || usage.ramBytes() > board.ram().size()) {
            throw new FirmwareTooLargeException(misfit(api.name(), board, usage));
        }
        return new FirmwareImage(elf, usage, commands);
    }

    private static MemoryUsage size(Path elf, ModelApi api, List<String> commands) {
        List<String> cmd = List.of("arm-none-eabi-size", "-A", elf.toString());
        commands.add(String.join(" ", cmd));
        ProcessOutput out = ProcessOutput.run(cmd, null, 60);
        if (!out.ok()) {
            throw new IllegalStateException("arm-none-eabi-size failed: " + tail(out.stderr()));
        }
        return MemoryUsage.parseSizeA(out.stdout(), api.arenaBytes());
    }

    /**
     * Refuses before any build a model that cannot fit whatever the code size: its constant data alone exceed
     * the flash, or its arena plus the board's stack exceed the RAM. The exact check is {@link #build}'s.
     */
    public static void refuseIfSurelyTooLarge(String model, Board board, long constantBytes, long arenaBytes) {
        List<String> problems = new ArrayList<>();
        if (constantBytes > board.flash().size()) {
            problems.add(String.format(Locale.ROOT, "its %,d B of weights and constants exceed the %,d B flash",
                    constantBytes, board.flash().size()));
        }
        if (arenaBytes + board.stackBytes() > board.ram().size()) {
            problems.add(String.format(Locale.ROOT, "its %,d B arena + %,d B stack exceed the %,d B RAM", arenaBytes,
                    board.stackBytes(), board.ram().size()));
        }
        if (!problems.isEmpty()) {
            throw new FirmwareTooLargeException("model " + model + " does not fit board " + board.name() + ": "
                    + String.join("; ", problems));
        }
    }

    static boolean overflowed(String linkerErrors) {
        return linkerErrors.contains("overflowed by") || linkerErrors.contains("will not fit in region")
                || linkerErrors.contains("stack does not fit in RAM");
    }

    /** The one-line refusal: which memory is short, by how much, and the parts of the total. */
    static String misfit(String model, Board board, MemoryUsage u) {
        List<String> problems = new ArrayList<>();
        if (u.flashBytes() > board.flash().size()) {
            problems.add(String.format(Locale.ROOT, "needs %,d B flash (text %,d + data %,d), board has %,d B",
                    u.flashBytes(), u.text(), u.data(), board.flash().size()));
        }
        if (u.ramBytes() > board.ram().size()) {
            problems.add(String.format(Locale.ROOT,
                    "needs %,d B RAM (data %,d + bss %,d incl. %,d B arena + %,d B stack), board has %,d B",
                    u.ramBytes(), u.data(), u.bss(), u.arenaBytes(), u.stack(), board.ram().size()));
        }
        return "model " + model + " does not fit board " + board.name() + ": " + String.join("; ", problems);
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 2000 ? "..." + t.substring(t.length() - 2000) : t;
    }
}
