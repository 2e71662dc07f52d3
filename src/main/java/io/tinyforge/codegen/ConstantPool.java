package io.tinyforge.codegen;

import io.tinyforge.codegen.view.ArrayView;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The const arrays of {@code model_data.c}, in registration order. Arrays are named
 * {@code <model>_<hint><n>} ({@code n} counts per hint from 0, with a '_' before it when the hint is {@code t}
 * or ends in a digit); constant tensors are {@code <model>_t<tensor index>}, e.g. {@code kws_t5}; an array with the same type and contents as an earlier one is not
 * emitted again, its name is reused.
 */
final class ConstantPool {
    private final String prefix;
    private final List<ArrayView> arrays = new ArrayList<>();
    private final Map<String, String> byContent = new HashMap<>();
    private final Map<String, Integer> hintCounts = new HashMap<>();
    private final Map<Integer, String> tensorNames = new HashMap<>();
    private final java.util.Set<String> used = new java.util.HashSet<>();
    private boolean needsMath;

    ConstantPool(String prefix) {
        this.prefix = prefix;
    }

    List<ArrayView> arrays() {
        return List.copyOf(arrays);
    }

    /** True when a float array needs NAN or INFINITY from math.h. */
    boolean needsMath() {
        return needsMath;
    }

    /** The array holding constant tensor {@code t} (emitted on first use). */
    String tensor(Tensor t) {
        String known = tensorNames.get(t.index());
        if (known != null) {
            return known;
        }
        String name = add(prefix + "_t" + t.index(), t.dtype().cType(), literals(t),
                "tensor " + t.index() + " '" + CNames.comment(t.name()) + "' " + t.dtype().label() + t.shape());
        tensorNames.put(t.index(), name);
        return name;
    }

    String int8(String hint, byte[] v) {
        List<String> lit = new ArrayList<>(v.length);
        for (byte b : v) {
            lit.add(Integer.toString(b));
        }
        return addHinted(hint, "int8_t", lit);
    }

    String int16(String hint, short[] v) {
        List<String> lit = new ArrayList<>(v.length);
        for (short s : v) {
            lit.add(Integer.toString(s));
        }
        return addHinted(hint, "int16_t", lit);
    }

    String int32(String hint, int[] v) {
        List<String> lit = new ArrayList<>(v.length);
        for (int x : v) {
            lit.add(int32Literal(x));
        }
        return addHinted(hint, "int32_t", lit);
    }

    String float32(String hint, float[] v) {
        List<String> lit = new ArrayList<>(v.length);
        for (float f : v) {
            lit.add(floatLiteral(f));
        }
        return addHinted(hint, "float", lit);
    }

    private String addHinted(String hint, String cType, List<String> literals) {
        String h = CNames.sanitizeHint(hint);
        if (h.equals("t") || Character.isDigit(h.charAt(h.length() - 1))) {
            h = h + "_"; // keep clear of the tensor arrays <prefix>_t<index> and of other counters
        }
        String name;
        do {
            int n = hintCounts.merge(h, 1, Integer::sum) - 1;
            name = prefix + "_" + h + n;
        } while (used.contains(name));
        return add(name, cType, literals, CNames.comment(hint));
    }

    private String add(String name, String cType, List<String> literals, String comment) {
        String key = cType + ":" + String.join(",", literals);
        String same = byContent.get(key);
        if (same != null) {
            return same;
        }
        used.add(name);
        byContent.put(key, name);
        int perLine = cType.endsWith("8_t") ? 16 : cType.endsWith("16_t") ? 12 : 8;
        List<String> lines = new ArrayList<>();
        List<String> vals = literals.isEmpty() ? List.of("0") : literals;
        for (int i = 0; i < vals.size(); i += perLine) {
            lines.add(String.join(", ", vals.subList(i, Math.min(vals.size(), i + perLine))));
        }
        arrays.add(new ArrayView(name, cType, vals.size(), lines, comment));
        return name;
    }

    private List<String> literals(Tensor t) {
        byte[] d = t.data();
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        DType dt = t.dtype();
        int n = d.length / dt.size();
        List<String> lit = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lit.add(switch (dt) {
                case INT8 -> Integer.toString(d[i]);
                case UINT8, BOOL -> Integer.toString(d[i] & 0xff);
                case INT16 -> Integer.toString(b.getShort(2 * i));
                case FLOAT16 -> Integer.toString(b.getShort(2 * i) & 0xffff);
                case INT32 -> int32Literal(b.getInt(4 * i));
                case INT64 -> int64Literal(b.getLong(8 * i));
                case FLOAT32 -> floatLiteral(b.getFloat(4 * i));
            });
        }
        return lit;
    }

    static String int32Literal(int x) {
        return x == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(x);
    }

    static String int64Literal(long x) {
        return x == Long.MIN_VALUE ? "(-9223372036854775807LL - 1)" : x + "LL";
    }

    /** An exact C99 literal: hexadecimal floating constant, or NAN/INFINITY. */
    String floatLiteral(float f) {
        if (Float.isNaN(f)) {
            needsMath = true;
            return "NAN";
        }
        if (Float.isInfinite(f)) {
            needsMath = true;
            return f > 0 ? "INFINITY" : "-INFINITY";
        }
        if (f == 0f) {
            return (Float.floatToRawIntBits(f) < 0 ? "-" : "") + "0.0f";
        }
        return Float.toHexString(f) + "f";
    }
}
