package io.tinyforge.firmware;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the external programs the firmware path uses on the PATH. */
public final class Toolchain {

    private Toolchain() {
    }

    /** The executable {@code program} on the PATH, if any. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static boolean has(String program) {
        return find(program).isPresent();
    }

    /** arm-none-eabi-gcc and make, both needed to build firmware. */
    public static boolean canBuildFirmware() {
        return has("arm-none-eabi-gcc") && has("arm-none-eabi-size") && has("make");
    }
}
