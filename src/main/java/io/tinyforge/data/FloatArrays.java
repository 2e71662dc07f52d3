package io.tinyforge.data;

import io.tinyforge.ir.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads float32 arrays for calibration inputs: NumPy {@code .npy} files (format version 1.0, dtype
 * {@code <f4}, C order) and raw little-endian float32 files split into samples of a given shape. Every problem
 * is a one-line {@link ModelException} naming the file.
 */
public final class FloatArrays {

    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private FloatArrays() {
    }

    /** Reads {@code p} as .npy when its name ends in .npy, else as raw float32 samples of {@code sampleShape}. */
    public static FloatArray read(Path p, int... sampleShape) {
        return p.getFileName().toString().endsWith(".npy") ? readNpy(p) : readRaw(p, sampleShape);
    }

    /** Reads a version 1.0 .npy file of little-endian float32 in C order. */
    public static FloatArray readNpy(Path p) {
        byte[] b = IdxReader.bytes(p);
        if (b.length < 10 || !java.util.Arrays.equals(b, 0, 6, NPY_MAGIC, 0, 6)) {
            throw new ModelException(p + ": not a .npy file (bad magic)");
        }
        if (b[6] != 1 || b[7] != 0) {
            throw new ModelException(p + ": unsupported .npy version " + b[6] + "." + b[7] + " (only 1.0)");
        }
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        if (b.length < 10 + headerLen) {
            throw new ModelException(p + ": truncated .npy header");
        }
        String header = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        String descr = group(p, DESCR, header, "descr");
        if (!descr.equals("<f4")) {
            throw new ModelException(p + ": .npy dtype '" + descr + "', expected little-endian float32 '<f4'");
        }
        if (group(p, FORTRAN, header, "fortran_order").equals("True")) {
            throw new ModelException(p + ": .npy is in Fortran order, expected C order");
        }
        List<Integer> dims = new ArrayList<>();
        long n = 1;
        for (String s : group(p, SHAPE, header, "shape").split(",")) {
            if (!s.isBlank()) {
                int d;
                try {
                    d = Integer.parseInt(s.strip());
                } catch (NumberFormatException e) {
                    throw new ModelException(p + ": bad .npy shape entry '" + s.strip() + "'");
                }
                dims.add(d);
                n *= d;
            }
        }
        int data = 10 + headerLen;
        long need = data + 4 * n;
        if (b.length != need) {
            throw new ModelException(p + ": .npy data has " + (b.length - data) + " bytes, shape " + dims
                    + " needs " + 4 * n);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        return new FloatArray(shape, floats(b, data, (int) n));
    }

    /** Reads raw little-endian float32 values as samples of {@code sampleShape}; the sample count is inferred. */
    public static FloatArray readRaw(Path p, int... sampleShape) {
        byte[] b = IdxReader.bytes(p);
        long per = 1;
        for (int d : sampleShape) {
            per *= d;
        }
        if (per <= 0) {
            throw new ModelException(p + ": bad sample shape " + java.util.Arrays.toString(sampleShape));
        }
        if (b.length % (4 * per) != 0 || b.length == 0) {
            throw new ModelException(p + ": " + b.length + " bytes is not a whole number of float32 samples of "
                    + java.util.Arrays.toString(sampleShape) + " (" + 4 * per + " bytes each)");
        }
        int samples = (int) (b.length / (4 * per));
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = samples;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return new FloatArray(shape, floats(b, 0, b.length / 4));
    }

    /** Writes {@code a} as a version 1.0 .npy file (little-endian float32, C order). */
    public static void writeNpy(Path p, FloatArray a) throws IOException {
        Files.write(p, npyBytes(a));
    }

    /** The bytes of {@code a} as a version 1.0 .npy file. */
    public static byte[] npyBytes(FloatArray a) {
        int[] s = a.shape();
        StringBuilder shape = new StringBuilder();
        for (int d : s) {
            shape.append(d).append(", ");
        }
        String dims = s.length == 1 ? shape.toString().strip() : shape.length() == 0 ? ""
                : shape.substring(0, shape.length() - 2);
        StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }");
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        ByteBuffer bb = ByteBuffer.allocate(10 + h.length() + 4 * a.values().length).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(NPY_MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length());
        bb.put(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (float f : a.values()) {
            bb.putFloat(f);
        }
        return bb.array();
    }

    private static String group(Path p, Pattern pat, String header, String key) {
        Matcher m = pat.matcher(header);
        if (!m.find()) {
            throw new ModelException(p + ": .npy header has no '" + key + "'");
        }
        return m.group(1);
    }

    private static float[] floats(byte[] b, int off, int n) {
        float[] f = new float[n];
        ByteBuffer.wrap(b, off, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }
}
