package io.tinyforge.board;

import java.util.List;

/**
 * A target board as data (one JSON file in {@code boards/}): core and gcc flags, memories, console, and the
 * emulator that can run it ({@code qemuMachine} for {@code qemu-system-arm -M}, {@code renodePlatform} a
 * Renode {@code .repl}; either may be null). {@code stackBytes} is reserved in RAM by the linker script.
 */
public record Board(String name, String description, String core, String fpu, boolean dsp, List<String> cpuFlags,
        MemoryRegion flash, MemoryRegion ram, long stackBytes, Console console, String qemuMachine,
        String renodePlatform) {

    public Board {
        cpuFlags = List.copyOf(cpuFlags);
    }

    public boolean hasFpu() {
        return fpu != null;
    }

    public boolean emulatedByQemu() {
        return qemuMachine != null;
    }

    public boolean emulatedByRenode() {
        return renodePlatform != null;
    }
}
