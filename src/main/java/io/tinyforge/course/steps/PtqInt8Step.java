package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.Observers;
import java.util.List;

/**
 * Full-integer post-training quantization of a float variant (per-channel int8 weights, int8 activations and
 * int8 input/output, min/max calibration on the course's calibration images), as {@code tinyforge quantize
 * --mode int8}.
 */
public final class PtqInt8Step implements CompressionStep {
    private final String base;
    private final String id;
    private final String label;

    public PtqInt8Step(String base, String id, String label) {
        this.base = base;
        this.id = id;
        this.label = label;
    }

    @Override
    public List<String> produces() {
        return List.of(id);
    }

    @Override
    public String label() {
        return "full-int8 PTQ of " + base;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        Variant f = ctx.variant(base);
        var calib = ctx.data().calibration();
        var q = FullIntegerQuantizer.quantize(f.graph(), calib, Observers.byName("minmax"), IoType.INT8);
        return List.of(CourseContext.variant(id, label, base, List.of("full-int8 PTQ, min/max calibration on "
                + calib.size() + " training images"), q.quantized()));
    }
}
