package io.tinyforge.quantize;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Tensor;
import java.util.List;
import java.util.function.Supplier;

/** Runs the float graph over the calibration records and collects one observer range per float activation. */
public final class Calibrator {
    private Calibrator() {
    }

    /** True for tensors whose range calibration decides: non-constant float32 tensors. */
    static boolean isActivation(Tensor t) {
        return !t.isConstant() && t.dtype() == DType.FLOAT32;
    }

    /** Ranges indexed by tensor index (null for tensors that are not float activations). */
    public static Range[] calibrate(Graph g, FloatRunner runner, List<float[][]> records, Supplier<Observer> method) {
        if (records.isEmpty()) {
            throw new ModelException("calibration data is empty");
        }
        Observer[] obs = new Observer[g.tensors().size()];
        for (Tensor t : g.tensors()) {
            if (isActivation(t)) {
                obs[t.index()] = method.get();
            }
        }
        for (float[][] rec : records) {
            float[][] v = runner.run(rec);
            for (int i = 0; i < obs.length; i++) {
                if (obs[i] != null && v[i] != null) {
                    obs[i].observe(v[i]);
                }
            }
        }
        Range[] ranges = new Range[obs.length];
        for (int i = 0; i < obs.length; i++) {
            if (obs[i] != null) {
                Range r = obs[i].range();
                if (!Float.isFinite(r.min()) || !Float.isFinite(r.max())) {
                    throw new ModelException("tensor " + g.tensor(i).name() + " takes non-finite values on the"
                            + " calibration data");
                }
                ranges[i] = r;
            }
        }
        return ranges;
    }
}
