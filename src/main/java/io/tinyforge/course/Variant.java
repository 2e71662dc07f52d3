package io.tinyforge.course;

import io.tinyforge.ir.Graph;
import java.util.List;

/**
 * One model of the course: an identifier that is also its file and C name ({@code int8_ptq}), a label for the
 * table, the variant it was derived from (null for the trained float model), the steps that made it (for the
 * report), its {@code .tflite} bytes and the graph read back from them (exactly what {@code tinyforge generate}
 * would see for that file).
 */
public record Variant(String id, String label, String base, List<String> recipe, byte[] tflite, Graph graph) {

    public Variant {
        recipe = List.copyOf(recipe);
        tflite = tflite.clone();
    }

    @Override
    public byte[] tflite() {
        return tflite.clone();
    }

    /** The {@code .tflite} size in bytes. */
    public int tfliteBytes() {
        return tflite.length;
    }
}
