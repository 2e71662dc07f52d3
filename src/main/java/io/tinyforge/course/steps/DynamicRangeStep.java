package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.quantize.WeightOnlyQuantizer;
import java.util.List;

/** Dynamic-range quantization: int8 weights, float activations ({@code tinyforge quantize --mode dynamic}). */
public final class DynamicRangeStep implements CompressionStep {
    private final String base;

    public DynamicRangeStep(String base) {
        this.base = base;
    }

    @Override
    public List<String> produces() {
        return List.of("dynamic_range");
    }

    @Override
    public String label() {
        return "dynamic-range quantization of " + base;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        var q = WeightOnlyQuantizer.dynamicRange(ctx.variant(base).graph(), WeightOnlyQuantizer.CONVERTER_MIN_ELEMENTS);
        return List.of(CourseContext.variant("dynamic_range", "dynamic range (int8 weights, float act.)", base,
                List.of("dynamic-range: int8 weights of tensors with >= " + WeightOnlyQuantizer.CONVERTER_MIN_ELEMENTS
                        + " elements, float activations"), q.quantized()));
    }
}
