package io.tinyforge.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the const arrays of a generated {@code model_data.c}: name to bytes (element count x C type size). */
final class ModelDataArrays {
    private static final Pattern ARRAY = Pattern.compile("const (int8_t|uint8_t|int16_t|int32_t|float|int64_t) "
            + "(\\w+)\\[(\\d+)\\]");

    private ModelDataArrays() {
    }

    static Map<String, Long> read(Path modelDataC) throws IOException {
        Map<String, Long> r = new LinkedHashMap<>();
        Matcher m = ARRAY.matcher(Files.readString(modelDataC));
        while (m.find()) {
            int size = switch (m.group(1)) {
                case "int8_t", "uint8_t" -> 1;
                case "int16_t" -> 2;
                case "int64_t" -> 8;
                default -> 4;
            };
            r.put(m.group(2), Long.parseLong(m.group(3)) * size);
        }
        return r;
    }

    /**
     * Bytes of the weight arrays of the given filter tensors: the dense array {@code <model>_t<i>} when present,
     * plus every codebook and packed-index array {@code <model>_t<i>_codebook<n>} / {@code _indices<n>}.
     */
    static long weightBytes(Map<String, Long> arrays, String model, Iterable<Integer> filters) {
        long n = 0;
        for (int t : filters) {
            Pattern p = Pattern.compile(Pattern.quote(model + "_t" + t) + "(_codebook\\d+|_indices\\d+)?");
            for (Map.Entry<String, Long> e : arrays.entrySet()) {
                if (p.matcher(e.getKey()).matches()) {
                    n += e.getValue();
                }
            }
        }
        return n;
    }
}
