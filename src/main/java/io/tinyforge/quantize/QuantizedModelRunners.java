package io.tinyforge.quantize;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.refimpl.PreparedModel;

/**
 * Which float runner drives calibration and reports: the project's float32 reference interpreter when it
 * can prepare the graph (float kernels present), else the small {@link FloatGraphEvaluator}.
 */
final class QuantizedModelRunners {
    private QuantizedModelRunners() {
    }

    static FloatRunner floatRunner(Graph g) {
        try {
            PreparedModel.prepare(g);
        } catch (ModelException | IllegalArgumentException | IllegalStateException e) {
            return new FloatGraphEvaluator(g);
        }
        return new QuantizedGraphRunner(g);
    }
}
