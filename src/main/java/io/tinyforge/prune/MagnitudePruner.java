package io.tinyforge.prune;

import io.tinyforge.train.CnnTrainer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Unstructured magnitude pruning as a {@link CnnTrainer.StepHook}: each weight layer keeps a 0/1 mask; when the
 * {@link PruningSchedule} says so the mask is recomputed so that exactly {@code round(s · n)} weights of the
 * layer — those of smallest magnitude, ties broken by position — are zero, and after every optimizer step the
 * weights are multiplied by their mask, so pruned weights stay zero through fine-tuning (Adam may move them, the
 * mask puts them back). Biases are not pruned.
 */
public final class MagnitudePruner implements CnnTrainer.StepHook {

    private final PruningSchedule schedule;
    private final int[] layers;
    private final double scale;
    private final Map<Integer, INDArray> masks = new LinkedHashMap<>();
    private double current = -1;

    /** Prunes the weight layers with indices {@code layers} (positions in the {@code ArchSpec}). */
    public MagnitudePruner(PruningSchedule schedule, int... layers) {
        this(schedule, 1.0, layers);
    }

    /**
     * Prunes {@code layers} at {@code scale} times the schedule's sparsity (capped at 0.99): with scale =
     * all weights / pruned weights, the model as a whole meets the schedule when some layers stay dense.
     */
    public MagnitudePruner(PruningSchedule schedule, double scale, int... layers) {
        this.schedule = schedule;
        this.scale = scale;
        this.layers = layers.clone();
    }

    /** Masks the weights before training (step 0) at the schedule's starting sparsity. */
    public void start(CnnTrainer trainer) {
        update(trainer, schedule.sparsityAt(0));
        apply(trainer);
    }

    @Override
    public void afterStep(CnnTrainer trainer, long step) {
        if (schedule.updatesAt(step)) {
            double s = schedule.sparsityAt(step);
            if (s != current) {
                update(trainer, s);
            }
        }
        apply(trainer);
    }

    /** Forces the final sparsity (call after training so the result meets the target exactly). */
    public void finish(CnnTrainer trainer) {
        update(trainer, schedule.target());
        apply(trainer);
    }

    /** The sparsity the masks currently enforce. */
    public double currentSparsity() {
        return current;
    }

    private void update(CnnTrainer trainer, double sparsity) {
        current = sparsity;
        for (int l : layers) {
            INDArray w = trainer.weightArray(l);
            float[] v = w.dup('c').data().asFloat();
            masks.put(l, Nd4j.create(mask(v, Math.min(0.99, sparsity * scale)), w.shape(), 'c'));
        }
    }

    private void apply(CnnTrainer trainer) {
        for (Map.Entry<Integer, INDArray> e : masks.entrySet()) {
            trainer.weightArray(e.getKey()).muli(e.getValue());
        }
    }

    /** A 0/1 mask zeroing the {@code round(sparsity · n)} smallest |v| (earlier position first among ties). */
    public static float[] mask(float[] v, double sparsity) {
        int n = v.length;
        int k = (int) Math.round(sparsity * n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(Math.abs(v[a]), Math.abs(v[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        float[] m = new float[n];
        Arrays.fill(m, 1f);
        for (int i = 0; i < k; i++) {
            m[order[i]] = 0f;
        }
        return m;
    }
}
