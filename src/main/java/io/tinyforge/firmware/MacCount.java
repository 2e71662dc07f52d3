package io.tinyforge.firmware;

import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;

/**
 * Multiply-accumulates of one inference: the sum of {@link HasMacs#macs()} over the prepared operators (the
 * figure {@code tinyforge inspect} shows). Operators whose params do not report MACs (SVDF and LSTM at
 * present) count 0; {@link #complete} says whether the sum covers the whole model.
 */
public final class MacCount {

    private MacCount() {
    }

    public static long of(PreparedModel model) {
        long macs = 0;
        for (PreparedOp<?> op : model.ops()) {
            if (op.params() instanceof HasMacs h) {
                macs += h.macs();
            }
        }
        return macs;
    }

    /** Whether every operator that multiplies and accumulates reports its MACs. */
    public static boolean complete(Graph g) {
        return g.operators().stream().noneMatch(op -> switch (op.type()) {
            case SVDF, UNIDIRECTIONAL_SEQUENCE_LSTM -> true;
            default -> false;
        });
    }
}
