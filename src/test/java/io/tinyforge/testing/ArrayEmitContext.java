package io.tinyforge.testing;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A test {@link EmitContext} for one operator: constants become {@code static const} arrays, every other
 * tensor a {@code static} array of its own ({@code t<index>}), scratch one int32-aligned static buffer. The
 * arrays are handed to the single-operator harness template as plain data.
 */
public final class ArrayEmitContext implements EmitContext {

    /** One C array of the harness: type, name, element count, initializer (null for a mutable buffer). */
    public record CArray(String ctype, String name, int length, String values, int tensor) {
        /** The array as template data. */
        public Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ctype", ctype);
            m.put("name", name);
            m.put("length", length);
            m.put("constant", values != null);
            m.put("values", values == null ? "" : values);
            return m;
        }
    }

    private final Graph graph;
    private final Map<String, CArray> arrays = new LinkedHashMap<>();
    private long scratchBytes;

    public ArrayEmitContext(Graph graph) {
        this.graph = graph;
    }

    @Override
    public String tensor(int tensorIndex) {
        if (tensorIndex < 0) {
            return "NULL";
        }
        Tensor t = graph.tensor(tensorIndex);
        String name = (t.isConstant() ? "c" : "t") + tensorIndex;
        int n = (int) t.shape().elements();
        String ctype = ctype(t.dtype());
        arrays.computeIfAbsent(name, k -> new CArray(ctype, name, Math.max(n, 1),
                t.isConstant() ? literal(t.dtype(), t.data()) : null, tensorIndex));
        return name;
    }

    @Override
    public String constInt8(String hint, byte[] values) {
        StringJoiner j = new StringJoiner(", ");
        for (byte v : values) {
            j.add(Integer.toString(v));
        }
        return add("int8_t", hint, values.length, j.toString());
    }

    @Override
    public String constInt16(String hint, short[] values) {
        StringJoiner j = new StringJoiner(", ");
        for (short v : values) {
            j.add(Integer.toString(v));
        }
        return add("int16_t", hint, values.length, j.toString());
    }

    @Override
    public String constInt32(String hint, int[] values) {
        StringJoiner j = new StringJoiner(", ");
        for (int v : values) {
            j.add(int32(v));
        }
        return add("int32_t", hint, values.length, j.toString());
    }

    @Override
    public String constFloat(String hint, float[] values) {
        throw new UnsupportedOperationException("float constants are not used by the recurrent kernels");
    }

    @Override
    public String scratch() {
        scratchBytes = Math.max(scratchBytes, 1);
        return "((void *)tfg_scratch)";
    }

    /** Sets the scratch size the harness allocates (the operator's {@code scratchBytes()}). */
    public void scratchBytes(long bytes) {
        scratchBytes = bytes;
    }

    public long scratchWords() {
        return Math.max(1, (scratchBytes + 3) / 4);
    }

    public List<CArray> arrays() {
        return new ArrayList<>(arrays.values());
    }

    /** The mutable array that holds tensor {@code index} (it must have been named by the emitter). */
    public CArray buffer(int index) {
        CArray a = arrays.get("t" + index);
        if (a == null) {
            throw new IllegalStateException("tensor " + index + " was not used by the emitter");
        }
        return a;
    }

    private String add(String ctype, String hint, int n, String values) {
        String name = hint + "_" + arrays.size();
        arrays.put(name, new CArray(ctype, name, Math.max(n, 1), values, -1));
        return name;
    }

    private static String ctype(DType d) {
        return switch (d) {
            case INT8 -> "int8_t";
            case INT16 -> "int16_t";
            case INT32 -> "int32_t";
            default -> throw new IllegalArgumentException("no test array type for " + d);
        };
    }

    private static String literal(DType d, byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        StringJoiner j = new StringJoiner(", ");
        switch (d) {
            case INT8 -> {
                for (byte v : data) {
                    j.add(Integer.toString(v));
                }
            }
            case INT16 -> {
                while (b.remaining() >= 2) {
                    j.add(Integer.toString(b.getShort()));
                }
            }
            case INT32 -> {
                while (b.remaining() >= 4) {
                    j.add(int32(b.getInt()));
                }
            }
            default -> throw new IllegalArgumentException("no test literal for " + d);
        }
        return j.toString();
    }

    /** INT32_MIN cannot be written as a plain negative literal in C. */
    private static String int32(int v) {
        return v == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(v);
    }
}
