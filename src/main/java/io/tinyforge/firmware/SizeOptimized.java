package io.tinyforge.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generated sources a firmware build compiles for size ({@code -Os}) rather than speed: {@code model.c} and
 * every runtime {@code tfg_*.c} that is not among the model's hot sources ({@code TFG_HOT_SOURCES} in the
 * generated {@code tfg_config.h}, see {@code codegen.HotKernels}). A model directory without that macro (an older
 * or hand-written one) gets none: everything stays {@code -O2}.
 */
final class SizeOptimized {

    private static final Pattern HOT = Pattern.compile("#define\\s+TFG_HOT_SOURCES\\s+\"([^\"]*)\"");

    private SizeOptimized() {
    }

    /** The file names (sorted) in {@code modelDir} to build with {@code -Os}. */
    static List<String> sources(Path modelDir) {
        Path config = modelDir.resolve("tfg_config.h");
        try {
            if (!Files.isRegularFile(config)) {
                return List.of();
            }
            Matcher m = HOT.matcher(Files.readString(config));
            if (!m.find()) {
                return List.of();
            }
            Set<String> hot = Set.of(m.group(1).trim().split("\\s+"));
            try (Stream<Path> s = Files.list(modelDir)) {
                return s.map(p -> p.getFileName().toString())
                        .filter(f -> f.equals("model.c") || f.startsWith("tfg_") && f.endsWith(".c"))
                        .filter(f -> !hot.contains(f)).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + config, e);
        }
    }
}
