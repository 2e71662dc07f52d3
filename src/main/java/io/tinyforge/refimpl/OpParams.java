package io.tinyforge.refimpl;

import io.tinyforge.ir.Operator;

/**
 * Everything an operator needs at run time, computed once by {@link OpKernel#prepare}: tensor indices,
 * shapes, offsets, per-channel multipliers and shifts, padding, activation range. The Java reference evaluates
 * from it and the code generator writes C from the same record, so the C never sees a float scale.
 */
public interface OpParams {

    /** The operator these parameters were prepared for. */
    Operator op();

    /** Bytes of scratch memory the C kernel needs during this operator only (0 when none). */
    default long scratchBytes() {
        return 0;
    }
}
