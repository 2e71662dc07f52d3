package io.tinyforge.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The TFLM figures of {@code ../shared/baselines/tflm-cortex-m.md} ("Results per core" tables): per core
 * ({@code cortex-m4}, {@code cortex-m7}, {@code cortex-m33}, {@code cortex-m3}) and model, instructions per
 * {@code Invoke()}, arena and code bytes with TFLM's reference kernels and with CMSIS-NN.
 */
public final class TflmBaselines {

    /** One row: TFLM with reference kernels ({@code ref*}) and with CMSIS-NN ({@code cmsis*}); -1 when absent. */
    public record Row(long refInstructions, long cmsisInstructions, long refArena, long cmsisArena, long refCode,
            long cmsisCode) {
    }

    private final Map<String, Map<String, Row>> byCore;

    private TflmBaselines(Map<String, Map<String, Row>> byCore) {
        this.byCore = byCore;
    }

    /** No baselines (the file is missing). */
    public static TflmBaselines none() {
        return new TflmBaselines(Map.of());
    }

    public static TflmBaselines read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TFLM baselines " + file, e);
        }
    }

    /** Parses the markdown: a {@code ### Cortex-M...} heading starts a core's table. */
    static TflmBaselines parse(String markdown) {
        Map<String, Map<String, Row>> out = new LinkedHashMap<>();
        String core = null;
        for (String line : markdown.split("\\R")) {
            if (line.startsWith("## ")) {
                core = null;
            } else if (line.startsWith("### ")) {
                core = coreOf(line);
            } else if (core != null && line.startsWith("| ") && !line.startsWith("| model") && !line.startsWith("|---")) {
                String[] c = line.split("\\|");
                if (c.length < 8) {
                    continue;
                }
                String[] arena = c[6].split("/");
                String[] code = c[7].split("/");
                if (arena.length != 2 || code.length != 2) {
                    continue;
                }
                out.computeIfAbsent(core, k -> new LinkedHashMap<>()).put(c[1].trim(), new Row(num(c[2]), num(c[3]),
                        num(arena[0]), num(arena[1]), num(code[0]), num(code[1])));
            }
        }
        return new TflmBaselines(out);
    }

    private static String coreOf(String heading) {
        String h = heading.toLowerCase(java.util.Locale.ROOT);
        for (String c : new String[] {"cortex-m33", "cortex-m4", "cortex-m7", "cortex-m3"}) {
            if (h.contains(c)) {
                return c;
            }
        }
        return null;
    }

    private static long num(String cell) {
        String d = cell.replace(",", "").trim();
        return d.matches("\\d+") ? Long.parseLong(d) : -1;
    }

    /** The row for {@code core} (a board's core, e.g. {@code cortex-m4}) and {@code model}, or null. */
    public Row get(String core, String model) {
        Map<String, Row> m = byCore.get(core);
        return m == null ? null : m.get(model);
    }
}
