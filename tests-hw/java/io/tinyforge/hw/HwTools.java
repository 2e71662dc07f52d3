package io.tinyforge.hw;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.emulator.QemuRunner;
import io.tinyforge.firmware.Toolchain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Gatekeeper of the hardware-emulation tests: without arm-none-eabi-gcc / qemu-system-arm they are skipped
 * with a message, except when {@code CI=true}, where a missing tool is a failure.
 */
final class HwTools {

    /** The C sources of these tests (stub model, plugin) live in {@code tests-hw/}. */
    static final Path TESTS_HW = Path.of("tests-hw");
    static final Path STUB_MODEL = TESTS_HW.resolve("stub-model");
    static final Path PLUGIN_DIR = Path.of("target", "qemu-plugin");

    private HwTools() {
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** arm-none-eabi-gcc, arm-none-eabi-size and make. */
    static void requireToolchain() {
        require(Toolchain.canBuildFirmware(), "arm-none-eabi-gcc/arm-none-eabi-size/make not on PATH");
    }

    /** The toolchain plus qemu-system-arm (and host gcc for the plugin). */
    static void requireQemu() {
        requireToolchain();
        require(QemuRunner.available(), "qemu-system-arm not on PATH");
        require(Toolchain.has("gcc"), "host gcc (for the QEMU plugin) not on PATH");
    }

    private static void require(boolean present, String what) {
        if (!present && ci()) {
            fail(what + " (CI=true: the emulator tests must run; apt-get install gcc-arm-none-eabi "
                    + "libnewlib-arm-none-eabi qemu-system-arm)");
        }
        assumeTrue(present, "skipped: " + what);
    }

    /** A fresh directory {@code target/hw-tests/<name>}. */
    static Path freshDir(String name) {
        Path d = Path.of("target", "hw-tests", name);
        try {
            if (Files.exists(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** A copy of the stub model whose {@code model.c} (or header) text has {@code from} replaced by {@code to}. */
    static Path stubVariant(String name, String file, String from, String to) {
        Path d = freshDir("stub-" + name);
        try {
            try (Stream<Path> s = Files.list(STUB_MODEL)) {
                for (Path p : s.toList()) {
                    Files.copy(p, d.resolve(p.getFileName()));
                }
            }
            Path f = d.resolve(file);
            String text = Files.readString(f);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " has no '" + from + "'");
            }
            Files.writeString(f, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }
}
