package io.tinyforge.quantize;

import io.tinyforge.ir.Graph;

/** Which float runner drives calibration and reports (one place to switch to another float reference). */
final class QuantizedModelRunners {
    private QuantizedModelRunners() {
    }

    static FloatRunner floatRunner(Graph g) {
        return new FloatGraphEvaluator(g);
    }
}
