package io.tinyforge.prune;

import io.tinyforge.ir.ModelException;
import java.util.Locale;

/**
 * Target sparsity as a function of the optimizer step. {@code constant}: the final sparsity from the first step.
 * {@code polynomial}: s(t) = s_f + (s_i − s_f)(1 − p)^3 with p = (t − begin) / (end − begin) clamped to [0, 1],
 * t taken at the last multiple of {@code frequency} (masks are recomputed every {@code frequency} steps).
 */
public record PruningSchedule(Kind kind, double initial, double target, long begin, long end, long frequency) {

    /** Schedule kinds. */
    public enum Kind { CONSTANT, POLYNOMIAL }

    public PruningSchedule {
        if (!(target >= 0 && target < 1) || !(initial >= 0 && initial <= target) || begin < 0 || end < begin
                || frequency < 1) {
            throw new ModelException(String.format(Locale.ROOT, "bad pruning schedule: initial %s, target %s, "
                    + "steps %d..%d every %d (need 0 <= initial <= target < 1)", initial, target, begin, end,
                    frequency));
        }
    }

    /** Constant sparsity {@code target}, masks recomputed every {@code frequency} steps. */
    public static PruningSchedule constant(double target, long frequency) {
        return new PruningSchedule(Kind.CONSTANT, target, target, 0, 0, frequency);
    }

    /**
     * Polynomial decay from 0 to {@code target} over the first two thirds of {@code totalSteps}, updated about
     * 20 times on the way; the last third fine-tunes at the target.
     */
    public static PruningSchedule polynomial(double target, long totalSteps) {
        long end = Math.max(1, totalSteps * 2 / 3);
        return new PruningSchedule(Kind.POLYNOMIAL, 0, target, 0, end, Math.max(1, end / 20));
    }

    /** Parses {@code constant} or {@code polynomial}; null for anything else. */
    public static Kind parseKind(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "constant" -> Kind.CONSTANT;
            case "polynomial" -> Kind.POLYNOMIAL;
            default -> null;
        };
    }

    /** The sparsity to enforce at step {@code step} (0 = before training). */
    public double sparsityAt(long step) {
        if (kind == Kind.CONSTANT || end == begin) {
            return target;
        }
        long t = Math.min(step, end);
        t = t - Math.floorMod(t - begin, frequency);
        double p = Math.max(0, Math.min(1, (double) (t - begin) / (end - begin)));
        double r = 1 - p;
        return target + (initial - target) * r * r * r;
    }

    /** True when the masks are recomputed after step {@code step}. */
    public boolean updatesAt(long step) {
        return step >= begin && (kind == Kind.CONSTANT || step <= end) && (step - begin) % frequency == 0;
    }

    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
