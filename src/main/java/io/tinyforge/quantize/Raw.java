package io.tinyforge.quantize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian byte encodings of constant tensor data. */
final class Raw {
    private Raw() {
    }

    static byte[] int32(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    static byte[] float32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static byte[] float16(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putShort(Half.fromFloat(x));
        }
        return b.array();
    }

    static float[] floats(byte[] d) {
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[d.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat(4 * i);
        }
        return v;
    }
}
