package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import java.util.List;

/** A step that makes the one variant {@code id} (shown as {@code label}) from the variant {@code base}. */
abstract class DerivedStep implements CompressionStep {
    final String base;
    final String id;
    final String label;

    DerivedStep(String base, String id, String label) {
        this.base = base;
        this.id = id;
        this.label = label;
    }

    @Override
    public final List<String> produces() {
        return List.of(id);
    }
}
