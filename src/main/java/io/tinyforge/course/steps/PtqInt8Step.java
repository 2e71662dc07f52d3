package io.tinyforge.course.steps;

import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import io.tinyforge.ir.Graph;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.Observers;
import java.util.List;

/**
 * Full-integer post-training quantization of a float variant (per-channel int8 weights, int8 activations and
 * int8 input/output, min/max calibration on the course's calibration images), as {@code tinyforge quantize
 * --mode int8}.
 */
public final class PtqInt8Step extends DerivedStep {

    public PtqInt8Step(String base, String id, String label) {
        super(base, id, label);
    }

    @Override
    public String label() {
        return "full-int8 PTQ of " + base;
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        return List.of(CourseContext.variant(id, label, base, List.of(recipe(ctx)),
                int8(ctx, ctx.variant(base).graph())));
    }

    /** {@code g} quantized as this step does it (shared by the steps that end in full-int8 PTQ). */
    static Graph int8(CourseContext ctx, Graph g) {
        return FullIntegerQuantizer.quantize(g, ctx.data().calibration(), Observers.byName("minmax"), IoType.INT8)
                .quantized();
    }

    /** The recipe line of {@link #int8}. */
    static String recipe(CourseContext ctx) {
        return "full-int8 PTQ, min/max calibration on " + ctx.data().calibration().size() + " training images";
    }
}
