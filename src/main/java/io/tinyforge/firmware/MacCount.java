package io.tinyforge.firmware;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;

/**
 * Multiply-accumulates of one inference, from tensor shapes: CONV_2D = output elements × filter h·w·cin,
 * DEPTHWISE_CONV_2D = output elements × filter h·w, FULLY_CONNECTED = output elements × input depth. Other
 * operators (including SVDF and LSTM) count 0, so the figure is a lower bound for recurrent models.
 */
public final class MacCount {

    private MacCount() {
    }

    public static long of(Graph g) {
        long macs = 0;
        for (Operator op : g.operators()) {
            macs += of(g, op);
        }
        return macs;
    }

    /** Whether every MAC-heavy operator of {@code g} is one this count covers. */
    public static boolean complete(Graph g) {
        return g.operators().stream().noneMatch(op -> switch (op.type()) {
            case SVDF, UNIDIRECTIONAL_SEQUENCE_LSTM -> true;
            default -> false;
        });
    }

    private static long of(Graph g, Operator op) {
        int[] in = op.inputs();
        int[] out = op.outputs();
        if (in.length < 2 || in[1] < 0 || out.length == 0) {
            return 0;
        }
        Tensor w = g.tensor(in[1]);
        long outElems = g.tensor(out[0]).shape().elements();
        int[] d = w.shape().dims();
        return switch (op.type()) {
            case CONV_2D -> outElems * d[1] * d[2] * d[3];
            case DEPTHWISE_CONV_2D -> outElems * d[1] * d[2];
            case FULLY_CONNECTED -> outElems * d[d.length - 1];
            default -> 0;
        };
    }
}
