package io.tinyforge.firmware;

import java.nio.file.Path;
import java.util.List;

/** A linked firmware ELF, its memory use, and the commands that built it. */
public record FirmwareImage(Path elf, MemoryUsage usage, List<String> commands) {
    public FirmwareImage {
        commands = List.copyOf(commands);
    }
}
