package io.tinyforge.quantize;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calibration records for a float model: a raw little-endian float32 file of whole records, a {@code .npy}
 * array ({@code <f4} or {@code <f8}, C order) whose size is a whole number of records, or
 * {@code synthetic:N[:SEED]} (N smooth random inputs in [-1, 1]; a one-element input is uniform in [-1, 1]). Every problem (missing file, wrong size,
 * NaN/Inf, no records) is a one-line {@link ModelException}.
 */
public final class CalibrationData {
    private static final Pattern SYNTHETIC = Pattern.compile("synthetic:(\\d+)(?::(-?\\d+))?");

    private CalibrationData() {
    }

    /** Records as one float array per graph input. */
    public static List<float[][]> load(String spec, Graph g) {
        Matcher m = SYNTHETIC.matcher(spec);
        if (m.matches()) {
            int n;
            try {
                n = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                throw new ModelException("calibration: bad record count in '" + spec + "'");
            }
            if (n <= 0) {
                throw new ModelException("calibration: '" + spec + "' asks for no records");
            }
            return synthetic(g, n, m.group(2) == null ? 1 : Long.parseLong(m.group(2)));
        }
        if (spec.startsWith("synthetic")) {
            throw new ModelException("calibration: '" + spec + "' is not synthetic:N[:SEED]");
        }
        Path p = Path.of(spec);
        float[] values;
        try {
            byte[] bytes = Files.readAllBytes(p);
            values = spec.endsWith(".npy") ? npy(bytes, spec) : raw(bytes, spec);
        } catch (IOException e) {
            throw new ModelException("calibration: cannot read " + spec + ": " + e.getMessage());
        }
        return split(values, g, spec);
    }

    static int recordFloats(Graph g) {
        int n = 0;
        for (int t : g.inputs()) {
            Tensor in = g.tensor(t);
            if (in.dtype() != DType.FLOAT32) {
                throw new ModelException("input " + in + " is not float32: calibration needs a float model");
            }
            n += (int) in.shape().elements();
        }
        return n;
    }

    /** Splits a flat float array into records, rejecting a partial record, NaN/Inf and emptiness. */
    static List<float[][]> split(float[] values, Graph g, String what) {
        int per = recordFloats(g);
        if (values.length == 0) {
            throw new ModelException("calibration: " + what + " holds no records");
        }
        if (values.length % per != 0) {
            throw new ModelException("calibration: " + what + " holds " + values.length + " floats, not a whole"
                    + " number of records of " + per + " floats (" + shapes(g) + ")");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelException("calibration: " + what + " has a non-finite value (" + values[i]
                        + ") in record " + (i / per) + " at float " + (i % per));
            }
        }
        List<float[][]> recs = new ArrayList<>();
        int[] ins = g.inputs();
        for (int off = 0; off < values.length; off += per) {
            float[][] rec = new float[ins.length][];
            int o = off;
            for (int k = 0; k < ins.length; k++) {
                int n = (int) g.tensor(ins[k]).shape().elements();
                rec[k] = java.util.Arrays.copyOfRange(values, o, o + n);
                o += n;
            }
            recs.add(rec);
        }
        return recs;
    }

    private static String shapes(Graph g) {
        StringBuilder sb = new StringBuilder();
        for (int t : g.inputs()) {
            sb.append(sb.length() == 0 ? "" : " + ").append(g.tensor(t).shape());
        }
        return sb.toString();
    }

    private static float[] raw(byte[] b, String what) {
        if (b.length % 4 != 0) {
            throw new ModelException("calibration: " + what + " has " + b.length + " bytes, not whole float32s");
        }
        return Raw.floats(b);
    }

    /** Minimal .npy reader (versions 1-3, little-endian float32/float64, C order). */
    static float[] npy(byte[] b, String what) {
        if (b.length < 10 || (b[0] & 0xff) != 0x93 || !new String(b, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw new ModelException("calibration: " + what + " is not a .npy file");
        }
        int major = b[6];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            start = 10;
        } else {
            headerLen = bb.getInt(8);
            start = 12;
        }
        if (start + headerLen > b.length) {
            throw new ModelException("calibration: " + what + " has a truncated .npy header");
        }
        String header = new String(b, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = Pattern.compile("'descr':\\s*'([^']*)'").matcher(header);
        if (!d.find()) {
            throw new ModelException("calibration: " + what + " .npy header has no descr");
        }
        String descr = d.group(1);
        if (header.matches("(?s).*'fortran_order':\\s*True.*")) {
            throw new ModelException("calibration: " + what + " is Fortran-ordered; save it in C order");
        }
        int size = descr.equals("<f4") ? 4 : descr.equals("<f8") ? 8 : -1;
        if (size < 0) {
            throw new ModelException("calibration: " + what + " has dtype " + descr + "; need <f4 or <f8");
        }
        Matcher s = Pattern.compile("'shape':\\s*\\(([^)]*)\\)").matcher(header);
        if (!s.find()) {
            throw new ModelException("calibration: " + what + " .npy header has no shape");
        }
        long n = 1;
        for (String dim : s.group(1).split(",")) {
            if (!dim.isBlank()) {
                n *= Long.parseLong(dim.strip());
            }
        }
        int dataStart = start + headerLen;
        if ((long) (b.length - dataStart) != n * size) {
            throw new ModelException("calibration: " + what + " should hold " + n + " values after its header, holds "
                    + (b.length - dataStart) / size);
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < n; i++) {
            v[i] = size == 4 ? bb.getFloat(dataStart + 4 * i) : (float) bb.getDouble(dataStart + 8 * i);
        }
        return v;
    }

    /**
     * N smooth random records: per input, a sum of four random low-frequency sinusoids over the normalized
     * coordinates of every dimension, scaled to [-1, 1]; seeded, so the same N and seed give the same data.
     */
    public static List<float[][]> synthetic(Graph g, int n, long seed) {
        recordFloats(g);
        Random r = new Random(seed);
        List<float[][]> recs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int[] ins = g.inputs();
            float[][] rec = new float[ins.length][];
            for (int i = 0; i < ins.length; i++) {
                rec[i] = smooth(g.tensor(ins[i]).shape().dims(), r);
            }
            recs.add(rec);
        }
        return recs;
    }

    private static float[] smooth(int[] dims, Random r) {
        int waves = 4;
        int rank = dims.length;
        double[][] f = new double[waves][rank];
        double[] phase = new double[waves];
        double[] amp = new double[waves];
        for (int w = 0; w < waves; w++) {
            for (int d = 0; d < rank; d++) {
                f[w][d] = dims[d] > 1 ? r.nextDouble() * 2 : 0;
            }
            phase[w] = r.nextDouble() * 2 * Math.PI;
            amp[w] = 0.25 + r.nextDouble();
        }
        long count = 1;
        for (int d : dims) {
            count *= d;
        }
        if (count == 1) {
            return new float[] {(float) (2 * r.nextDouble() - 1)};
        }
        double[] v = new double[(int) count];
        double maxAbs = 0;
        int[] idx = new int[rank];
        for (int i = 0; i < count; i++) {
            int rem = i;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d] = rem % dims[d];
                rem /= dims[d];
            }
            double s = 0;
            for (int w = 0; w < waves; w++) {
                double arg = phase[w];
                for (int d = 0; d < rank; d++) {
                    arg += 2 * Math.PI * f[w][d] * idx[d] / dims[d];
                }
                s += amp[w] * Math.sin(arg);
            }
            v[i] = s;
            maxAbs = Math.max(maxAbs, Math.abs(s));
        }
        double gain = (0.5 + 0.5 * r.nextDouble()) / Math.max(maxAbs, 1e-9);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * gain);
        }
        return out;
    }
}
