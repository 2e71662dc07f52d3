package io.tinyforge.data;

import static io.tinyforge.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy (v1.0, {@code <f4}, C order) and raw float32 calibration files written by the test. */
class FloatArraysTest {

    /** A .npy file assembled by hand (independent of {@link FloatArrays#npyBytes}). */
    static byte[] npy(String header, float... values) {
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 16 != 0) {
            h.append(' ');
        }
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) h.length());
        b.put(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    @Test
    void readsHandWrittenNpyAndRoundTripsOwnWriter(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("a.npy");
        Files.write(p, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 1, 2, 3, 4.5f, -5, 6));
        FloatArray a = FloatArrays.read(p);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(2, a.samples());
        assertArrayEquals(new float[] {4.5f, -5, 6}, a.sample(1));

        Path q = dir.resolve("b.npy");
        FloatArrays.writeNpy(q, new FloatArray(new int[] {3}, new float[] {7, 8, 9}));
        FloatArray b = FloatArrays.readNpy(q);
        assertArrayEquals(new int[] {3}, b.shape());
        assertArrayEquals(new float[] {7, 8, 9}, b.values());
        assertEquals(0, (Files.size(q) - 12) % 64, "magic + header padded to a multiple of 64 bytes");
    }

    @Test
    void readsRawFloat32AsSamples(@TempDir Path dir) throws Exception {
        ByteBuffer bb = ByteBuffer.allocate(4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 8; i++) {
            bb.putFloat(i * 0.25f);
        }
        Path p = dir.resolve("cal.bin");
        Files.write(p, bb.array());
        FloatArray a = FloatArrays.read(p, 2, 2);
        assertArrayEquals(new int[] {2, 2, 2}, a.shape());
        assertArrayEquals(new float[] {1f, 1.25f, 1.5f, 1.75f}, a.sample(1));
        assertMessage(p + ": 32 bytes is not a whole number of float32 samples of [3]", () -> FloatArrays.read(p, 3));
    }

    @Test
    void rejectsWhatItCannotRead(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("x.npy");
        Files.write(p, npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 0, 0));
        assertMessage(p + ": .npy dtype '<f8', expected little-endian float32 '<f4'", () -> FloatArrays.read(p));
        Files.write(p, npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", 0));
        assertMessage(p + ": .npy is in Fortran order", () -> FloatArrays.read(p));
        Files.write(p, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 0, 1));
        assertMessage(p + ": .npy data has 8 bytes, shape [3] needs 12", () -> FloatArrays.read(p));
        Files.write(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        assertMessage(p + ": not a .npy file (bad magic)", () -> FloatArrays.read(p));
        byte[] v2 = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 0);
        v2[6] = 2;
        Files.write(p, v2);
        assertMessage(p + ": unsupported .npy version 2.0", () -> FloatArrays.read(p));
        assertMessage(dir.resolve("none.npy") + ": no such file", () -> FloatArrays.read(dir.resolve("none.npy")));
    }
}
