package io.tinyforge.importer;

import io.tinyforge.ir.OpType;

/**
 * How many inputs and outputs each operator takes in TFLite and which inputs may be omitted (-1), so a
 * malformed operator is rejected at import with one line instead of failing deep inside a kernel.
 */
final class OpArity {
    /** Inputs of UNIDIRECTIONAL_SEQUENCE_LSTM that must be present (input, gate weights and biases, states). */
    private static final int[] LSTM_REQUIRED = {0, 2, 3, 4, 6, 7, 8, 13, 14, 15, 18, 19};

    private OpArity() {
    }

    /** Null when the operator's inputs and outputs are acceptable, else what is wrong. */
    static String check(OpType type, int[] in, int[] out) {
        if (out.length != 1) {
            return "has " + out.length + " outputs instead of 1";
        }
        switch (type) {
            case ADD, MUL, MEAN:
                return count(in, 2, 2, 0, 1);
            case AVERAGE_POOL_2D, MAX_POOL_2D, DEQUANTIZE, QUANTIZE, LOGISTIC, RELU, RELU6, TANH, SOFTMAX:
                return count(in, 1, 1, 0);
            case CONCATENATION:
                return in.length == 0 ? "has no inputs" : required(in, allOf(in.length));
            case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED:
                return count(in, 2, 3, 0, 1);
            case PAD:
                return count(in, 2, 3, 0, 1);
            case RESHAPE:
                return count(in, 1, 2, 0);
            case SVDF:
                return count(in, 5, 5, 0, 1, 2, 4);
            case UNIDIRECTIONAL_SEQUENCE_LSTM:
                if (in.length != 20 && in.length != 24) {
                    return "has " + in.length + " inputs instead of 20 or 24";
                }
                return required(in, LSTM_REQUIRED);
            default:
                return null;
        }
    }

    private static String count(int[] in, int min, int max, int... requiredIndices) {
        if (in.length < min || in.length > max) {
            return "has " + in.length + " inputs instead of " + (min == max ? String.valueOf(min) : min + " to " + max);
        }
        return required(in, requiredIndices);
    }

    private static String required(int[] in, int[] requiredIndices) {
        for (int i : requiredIndices) {
            if (in[i] < 0) {
                return "omits its required input " + i;
            }
        }
        return null;
    }

    private static int[] allOf(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
