package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.quantize.WeightOnlyQuantizer;
import java.util.List;

/** float16 weights, float32 arithmetic ({@code tinyforge quantize --mode float16}). */
public final class Float16Step implements CompressionStep {
    private final String base;

    public Float16Step(String base) {
        this.base = base;
    }

    @Override
    public List<String> produces() {
        return List.of("float16");
    }

    @Override
    public String label() {
        return "float16 weights of " + base;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        var q = WeightOnlyQuantizer.float16(ctx.variant(base).graph());
        return List.of(CourseContext.variant("float16", "float16 weights", base,
                List.of("float16 weights, float32 arithmetic"), q.quantized()));
    }
}
