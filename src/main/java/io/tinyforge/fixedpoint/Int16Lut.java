package io.tinyforge.fixedpoint;

/**
 * TFLite's 513-entry int16 lookup tables with linear interpolation ({@code LUTPopulate<int16_t>} and
 * {@code LUTLookup(int16_t, const int16_t*)}): the table samples a float function at 512 steps over the input
 * range, each entry biased by half the midpoint interpolation error, and is read with the top 9 bits of the
 * input as index and the low 7 bits as interpolation weight. Generation uses float arithmetic as TFLite does.
 */
public final class Int16Lut {

    /** Number of entries: 512 steps plus one for the slope of the last step. */
    public static final int SIZE = 513;

    /** A float function of one float, as the table generator evaluates it. */
    @FunctionalInterface
    public interface FloatFunction {
        float apply(float x);
    }

    private Int16Lut() {
    }

    /** TFLite {@code LUTPopulateInt16<float>} for the given input and output quantization. */
    public static short[] populate(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
            FloatFunction f) {
        float inputMin = inputScale * (Short.MIN_VALUE - inputZeroPoint);
        float inputMax = inputScale * (Short.MAX_VALUE - inputZeroPoint);
        float outputMin = outputScale * (Short.MIN_VALUE - outputZeroPoint);
        float outputMax = outputScale * (Short.MAX_VALUE - outputZeroPoint);
        int steps = SIZE - 1;
        float step = (inputMax - inputMin) / steps;
        float halfStep = step / 2;
        float outputScalingInv = (float) (Short.MAX_VALUE - Short.MIN_VALUE + 1) / (outputMax - outputMin);
        short[] lut = new short[SIZE];
        for (int i = 0; i < steps; i++) {
            float val = f.apply(inputMin + i * step);
            float valMidpoint = f.apply(inputMin + i * step + halfStep);
            float valNext = f.apply(inputMin + (i + 1) * step);
            float sample = round(val * outputScalingInv);
            float midpointInterp = round((valNext * outputScalingInv + round(val * outputScalingInv)) / 2);
            float midpoint = round(valMidpoint * outputScalingInv);
            float midpointErr = midpointInterp - midpoint;
            float bias = round(midpointErr / 2);
            lut[i] = clamp(sample - bias);
        }
        lut[steps] = clamp(round(f.apply(inputMax) * outputScalingInv));
        return lut;
    }

    /** TFLite {@code LUTLookup} for int16: interpolates between entry (256 + x/128) and the next one. */
    public static int lookup(int value, short[] lut) {
        int index = 256 + (value >> 7);
        int offset = value & 0x7f;
        int base = lut[index];
        int slope = (short) (lut[index + 1] - lut[index]);
        int delta = (slope * offset + 64) >> 7;
        return (short) (base + delta);
    }

    private static float round(float x) {
        return FixedPoint.roundHalfAway(x);
    }

    private static short clamp(float v) {
        return (short) Math.min(Math.max(v, Short.MIN_VALUE), Short.MAX_VALUE);
    }
}
