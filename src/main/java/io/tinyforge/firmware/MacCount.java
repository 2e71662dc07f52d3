package io.tinyforge.firmware;

import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;
import java.util.Set;

/**
 * Multiply-accumulates of one inference: the sum of {@link HasMacs#macs()} over the prepared operators (the
 * figure {@code tinyforge inspect} shows). {@link #complete} says whether every multiply-accumulating
 * operator reported its MACs, i.e. whether a per-MAC figure means anything.
 */
public final class MacCount {

    /** Operators whose cost is dominated by multiply-accumulates. */
    private static final Set<String> MAC_OPS =
            Set.of("CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "SVDF", "UNIDIRECTIONAL_SEQUENCE_LSTM");

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

    /** Whether every multiply-accumulating operator of {@code model} reports its MACs. */
    public static boolean complete(PreparedModel model) {
        for (int i = 0; i < model.ops().size(); i++) {
            String type = model.graph().operators().get(i).type().name();
            if (MAC_OPS.contains(type) && !(model.ops().get(i).params() instanceof HasMacs)) {
                return false;
            }
        }
        return true;
    }
}
