package io.tinyforge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the third-party models and TFLM golden vectors in {@code ../shared/models}. Tests that need them
 * call {@link #require()} and are skipped with a message when the directory is absent (a fresh clone
 * elsewhere); CI has it.
 */
public final class SharedModels {

    /** The nine int8 models with goldens, in a stable order. */
    public static final List<String> INT8_MODELS = List.of(
            "tflm_hello_world_int8",
            "tflm_simple_add_int8",
            "tflm_micro_speech_int8",
            "mlperf_tiny_ad01_int8",
            "mlperf_tiny_kws_ref_int8",
            "mlperf_tiny_str_ww_int8",
            "mlperf_tiny_vww_96_int8",
            "tflm_keyword_scrambled_8bit",
            "tflm_mnist_lstm_int8");

    private SharedModels() {
    }

    /** {@code ../shared/models} relative to the project root (overridable with -Dtinyforge.shared=DIR). */
    public static Path dir() {
        String p = System.getProperty("tinyforge.shared");
        Path base = p != null ? Path.of(p) : Path.of("..", "shared");
        return base.resolve("models").toAbsolutePath().normalize();
    }

    public static boolean present() {
        return Files.isDirectory(dir().resolve("golden"));
    }

    /** Skips the calling test, with a message, when ../shared/models is not there. */
    public static Path require() {
        assumeTrue(present(), "skipped: " + dir() + " not found (third-party models live in ../shared)");
        return dir();
    }

    public static Path model(String name) {
        return require().resolve(name + ".tflite");
    }

    public static Golden golden(String name) {
        return Golden.load(require().resolve("golden"), name);
    }

    /** Model names for @MethodSource; empty (test reports skipped via require()) when absent. */
    public static Stream<String> int8Models() {
        return INT8_MODELS.stream();
    }
}
