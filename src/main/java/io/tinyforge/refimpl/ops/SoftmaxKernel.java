package io.tinyforge.refimpl.ops;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.GemmlowpExp;
import io.tinyforge.fixedpoint.GemmlowpFixed;
import io.tinyforge.fixedpoint.Int16Lut;
import io.tinyforge.fixedpoint.QuantizedMultiplier;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.fixedpoint.ScaledReciprocal;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * SOFTMAX, bit-exact with TFLM's reference kernels. int8 to int8 or int16 ({@code Softmax<int8_t, OutputT>}):
 * the input difference to the row maximum is rescaled to Q5.26, exponentiated with gemmlowp's
 * {@code exp_on_negative_values}, summed in Q12.19 and normalized with {@code GetReciprocal}. int16 to int16
 * ({@code SoftmaxInt16}): exp and 1/(1+x) come from interpolated 513-entry tables.
 */
public final class SoftmaxKernel implements OpKernel<SoftmaxParams> {

    /** Integer bits of the rescaled input difference (Q5.26). */
    static final int SCALED_DIFF_INTEGER_BITS = 5;
    /** Integer bits of the sum of exponentials (Q12.19). */
    static final int ACCUMULATION_INTEGER_BITS = 12;

    @Override
    public SoftmaxParams prepare(Graph graph, Operator op, PrepareContext ctx) {
        String where = "operator " + op.index() + " SOFTMAX";
        if (op.inputCount() != 1 || op.outputCount() != 1) {
            throw new ModelException(where + ": expected 1 input and 1 output");
        }
        Tensor in = graph.tensor(op.input(0));
        Tensor out = graph.tensor(op.output(0));
        if (in.dtype() != DType.INT8 && in.dtype() != DType.INT16) {
            throw new ModelException(where + ": " + in.dtype().label() + " input is not supported (int8 or int16)");
        }
        if (!in.hasQuant() || !out.hasQuant()) {
            throw new ModelException(where + ": input and output must be quantized");
        }
        if (in.shape().rank() < 1 || !in.shape().equals(out.shape())) {
            throw new ModelException(where + ": input shape " + in.shape() + " and output shape "
                    + out.shape() + " must be equal and of rank >= 1");
        }
        float beta = op.options(SoftmaxOptions.class).beta();
        Rounding rounding = ctx.rounding();
        int depth = in.shape().fromEnd(1);
        int rows = depth == 0 ? 0 : (int) (in.shape().elements() / depth);
        if (in.dtype() == DType.INT16) {
            checkInt16Output(where, out);
            // the input difference is scaled so that [-65535, 0] covers [-10, 0], the exp table's range
            QuantizedMultiplier m = QuantizedMultiplier.of(
                    (double) in.quant().scale() * (double) beta / (10.0 / 65535.0), rounding);
            return new SoftmaxParams(op, op.input(0), op.output(0), DType.INT16, DType.INT16, rows, depth,
                    m.multiplier(), m.shift(), 0, int16Luts(), rounding);
        }
        checkOutputQuantization(where, out);
        QuantizedMultiplier m = preprocessSoftmaxScaling(where, beta, in.quant().scale(), rounding);
        int diffMin = -calculateInputRadius(SCALED_DIFF_INTEGER_BITS, m.shift());
        return new SoftmaxParams(op, op.input(0), op.output(0), DType.INT8, out.dtype(), rows, depth,
                m.multiplier(), m.shift(), diffMin, null, rounding);
    }

    private static void checkInt16Output(String where, Tensor out) {
        if (out.dtype() != DType.INT16 || out.quant().zeroPoint() != 0
                || Math.abs(out.quant().scale() - 1.0f / 32768) > 0.001f * 1.0f / 32768) {
            throw new ModelException(where + ": int16 input needs an int16 output with scale 1/32768 and zero point"
                    + " 0, has " + out.dtype().label() + " " + out.quant());
        }
    }

    /** TFLM's tables: exp on [-10, 0] and 1/(1+x) on [0, 1], outputs over [-1, 1] (Q0.15). */
    static SoftmaxLuts int16Luts() {
        int range = Short.MAX_VALUE - Short.MIN_VALUE;
        short[] exp = Int16Lut.populate(10.0f / range, Short.MAX_VALUE, 2.0f / range, 0,
                x -> (float) Math.exp(x));
        short[] recip = Int16Lut.populate(1.0f / range, Short.MIN_VALUE, 2.0f / range, 0, x -> 1.0f / (1.0f + x));
        return new SoftmaxLuts(exp, recip);
    }

    private static void checkOutputQuantization(String where, Tensor out) {
        float scale = out.quant().scale();
        int zp = out.quant().zeroPoint();
        if (out.dtype() == DType.INT8) {
            if (scale != 1.0f / 256 || zp != -128) {
                throw new ModelException(where + ": int8 output must have scale 1/256 and zero point -128, has "
                        + out.quant());
            }
        } else if (out.dtype() == DType.INT16) {
            if (Math.abs(scale - 1.0f / 65536) > 0.001f * 1.0f / 65536 || zp != -32768) {
                throw new ModelException(where + ": int16 output of an int8 softmax must have scale 1/65536 and"
                        + " zero point -32768, has " + out.quant());
            }
        } else {
            throw new ModelException(where + ": int8 input with " + out.dtype().label()
                    + " output is not supported (int8 or int16 output only)");
        }
    }

    /** TFLite {@code PreprocessSoftmaxScaling}: beta * input_scale as a Q(bits).(31-bits) multiplier. */
    static QuantizedMultiplier preprocessSoftmaxScaling(String where, float beta, float inputScale,
            Rounding rounding) {
        double max = rounding == Rounding.SINGLE ? (1L << 30) - 1.0 : (1L << 31) - 1.0;
        double real = Math.min((double) beta * (double) inputScale * (1 << (31 - SCALED_DIFF_INTEGER_BITS)), max);
        if (!(real > 1.0)) {
            throw new ModelException(where + ": beta * input scale = " + ((double) beta * inputScale)
                    + " is too small for the int8 softmax (needs > 2^-26)");
        }
        return QuantizedMultiplier.greaterThanOne(real, rounding);
    }

    /** TFLite {@code CalculateInputRadius} with 31 signed bits. */
    static int calculateInputRadius(int inputIntegerBits, int inputLeftShift) {
        double maxInputRescaled = 1.0 * ((1 << inputIntegerBits) - 1) * (1L << (31 - inputIntegerBits))
                / (double) (1L << inputLeftShift);
        return (int) Math.floor(maxInputRescaled);
    }

    @Override
    public void eval(SoftmaxParams p, TensorStore store) {
        if (p.inputType() == DType.INT16) {
            evalInt16(p, store);
            return;
        }
        byte[] in = store.bytes(p.input());
        boolean int16 = p.outputType() == DType.INT16;
        int outBits = int16 ? 16 : 8;
        int outMin = int16 ? Short.MIN_VALUE : Byte.MIN_VALUE;
        int outMax = int16 ? Short.MAX_VALUE : Byte.MAX_VALUE;
        byte[] out8 = int16 ? null : store.bytes(p.output());
        int depth = p.depth();
        for (int r = 0; r < p.rows(); r++) {
            int base = r * depth;
            int max = Byte.MIN_VALUE;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, in[base + c]);
            }
            int sumOfExps = 0; // Q12.19
            for (int c = 0; c < depth; c++) {
                int diff = in[base + c] - max;
                if (diff >= p.diffMin()) {
                    sumOfExps += GemmlowpFixed.rescale(exp(p, diff), 0, ACCUMULATION_INTEGER_BITS);
                }
            }
            ScaledReciprocal recip = ScaledReciprocal.of(sumOfExps, ACCUMULATION_INTEGER_BITS);
            // TFLM checks 0 <= exponent <= 31 (it aborts otherwise, possible only for rows longer than 511 with
            // int8 output); the reference and the C kernel clamp to 31 instead
            int exponent = Math.min(31, recip.numBitsOverUnit() + 31 - outBits);
            for (int c = 0; c < depth; c++) {
                int diff = in[base + c] - max;
                int v;
                if (diff >= p.diffMin()) {
                    int unsat = FixedPoint.rdbpot(FixedPoint.srdhm(recip.scale(), exp(p, diff)), exponent);
                    v = Math.max(outMin, Math.min(outMax, unsat + outMin));
                } else {
                    v = outMin;
                }
                if (int16) {
                    store.setInt16(p.output(), base + c, v);
                } else {
                    out8[base + c] = (byte) v;
                }
            }
        }
    }

    /** TFLM {@code SoftmaxInt16}. */
    private static void evalInt16(SoftmaxParams p, TensorStore store) {
        int depth = p.depth();
        short[] expLut = p.luts().exp();
        short[] recipLut = p.luts().oneOverOnePlusX();
        int[] exps = new int[depth];
        for (int r = 0; r < p.rows(); r++) {
            int base = r * depth;
            int max = Short.MIN_VALUE;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, store.int16(p.input(), base + c));
            }
            int sumOfExps = 0; // Q16.15
            for (int c = 0; c < depth; c++) {
                int diff = store.int16(p.input(), base + c) - max;
                int scaled = FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputLeftShift(),
                        p.rounding());
                // recenter [-65535, 0] to the table's [-32768, 32767]
                exps[c] = Int16Lut.lookup(FixedPoint.clampInt16(scaled + 32767), expLut);
                sumOfExps += exps[c];
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
            int shiftedSum = (int) ((((long) sumOfExps << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
            // 1/(1 + x) with x = sum - 1, recentered from [0, 65535] to [-32768, 32767]
            int recip = Int16Lut.lookup(FixedPoint.clampInt16(shiftedSum - ((1 << 15) + (1 << 16))), recipLut);
            int rightShift = 31 - headroomPlusOne;
            long round = 1 << (rightShift - 1);
            for (int c = 0; c < depth; c++) {
                int result = (int) (((long) exps[c] * recip + round) >> rightShift);
                store.setInt16(p.output(), base + c, Math.max(0, Math.min(Short.MAX_VALUE, result)));
            }
        }
    }

    /** exp(beta * scale * diff) in Q0.31 for diff &lt;= 0. */
    private static int exp(SoftmaxParams p, int diff) {
        int rescaled = FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputLeftShift(),
                p.rounding());
        return GemmlowpExp.expOnNegativeValues(rescaled, SCALED_DIFF_INTEGER_BITS);
    }
}
