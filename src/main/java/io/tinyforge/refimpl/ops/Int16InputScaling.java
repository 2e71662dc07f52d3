package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Tensor;

/**
 * The int16 LOGISTIC / TANH input scaling of TFLM's prepare: zero points 0, output scale 2^-15; a power-of-two
 * input scale 2^-12 (tanh also 2^-11) gives multiplier 0 and the table's own 3/4 range expansion, any other
 * scale a multiplier of input_scale * 3 * 4096 doubled until it exceeds 32767/2, with as many left shifts.
 *
 * @param multiplier 0 for the power-of-two case, else a 15-bit multiplier
 * @param leftShift  right shift applied after the multiplication (or left shift of 3 in the power-of-two case)
 */
record Int16InputScaling(int multiplier, int leftShift) {

    private static final int INPUT_INTEGER_BITS = 3;
    private static final int OUTPUT_FRACTIONAL_BITS = 15;

    static Int16InputScaling of(String where, Tensor in, Tensor out, boolean tanh) {
        if (in.quant().zeroPoint() != 0 || out.quant().zeroPoint() != 0) {
            throw new ModelException(where + ": int16 input and output need zero point 0, have "
                    + in.quant().zeroPoint() + " and " + out.quant().zeroPoint());
        }
        Integer outLog2 = checkedLog2(out.quant().scale());
        if (outLog2 == null || outLog2 != -OUTPUT_FRACTIONAL_BITS) {
            throw new ModelException(where + ": int16 output must have scale 2^-15, has " + out.quant().scale());
        }
        float inScale = in.quant().scale();
        Integer inLog2 = checkedLog2(inScale);
        int shift = (15 - INPUT_INTEGER_BITS) + (inLog2 == null ? roundedLog2(inScale) : inLog2);
        boolean pot = inLog2 != null && (shift == 0 || (tanh && shift == 1));
        if (pot) {
            return new Int16InputScaling(0, shift);
        }
        double multiplier = (double) inScale * 4096.0 * 3.0;
        shift = 0;
        while (multiplier <= 32767.0 / 2.0 && shift <= 30) {
            shift++;
            multiplier *= 2.0;
        }
        if (multiplier > 32767.0) {
            throw new ModelException(where + ": int16 input scale " + inScale + " is too large (at most 2^-12 * 8/3)");
        }
        return new Int16InputScaling((int) multiplier, shift);
    }

    private static int roundedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        return FixedPoint.roundHalfAway(log2);
    }

    /** TFLite {@code CheckedLog2}: the rounded log2 of x when x is within 1e-3 (in log2) of a power of two. */
    private static Integer checkedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        int rounded = FixedPoint.roundHalfAway(log2);
        return Math.abs(log2 - rounded) < 1e-3f ? rounded : null;
    }
}
