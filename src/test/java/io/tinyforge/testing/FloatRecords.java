package io.tinyforge.testing;

import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Seeded random float32 input records and float views of raw records, for the float-model tests. */
public final class FloatRecords {

    private FloatRecords() {
    }

    /** {@code count} records of {@code floats} float32 values uniform in [lo, hi), from SplitMix64(seed). */
    public static byte[] uniform(long seed, int count, int floats, double lo, double hi) {
        SplitMix64 r = new SplitMix64(seed);
        ByteBuffer b = ByteBuffer.allocate(4 * count * floats).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count * floats; i++) {
            b.putFloat(r.uniform(lo, hi));
        }
        return b.array();
    }

    /** The float32 values of a little-endian record. */
    public static float[] floats(byte[] record) {
        float[] f = new float[record.length / 4];
        ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }

    /** Real values of an int8 record quantized with {@code t}'s scale and zero point. */
    public static float[] dequantize(byte[] int8, Tensor t) {
        float[] f = new float[int8.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (int8[i] - t.quant().zeroPoint()) * t.quant().scale();
        }
        return f;
    }

    /** A little-endian float32 record of {@code values}. */
    public static byte[] record(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
