package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the integer values of a constant shape-like tensor (axes, paddings): int32, or int64 that fits. */
final class ConstantInts {

    private ConstantInts() {
    }

    static int[] read(Operator op, Tensor t, String role) {
        if (!t.isConstant()) {
            throw BasicChecks.fail(op, role + " '" + t.name() + "' is computed at run time; only constant "
                    + role + " are supported (freeze the graph so they become constants)");
        }
        if (t.dtype() != DType.INT32 && t.dtype() != DType.INT64) {
            throw BasicChecks.fail(op, role + " '" + t.name() + "' is " + t.dtype().label()
                    + "; expected int32");
        }
        ByteBuffer bb = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) t.shape().elements();
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            long x = t.dtype() == DType.INT32 ? bb.getInt() : bb.getLong();
            if (x != (int) x) {
                throw BasicChecks.fail(op, role + " value " + x + " does not fit in 32 bits");
            }
            v[i] = (int) x;
        }
        return v;
    }
}
