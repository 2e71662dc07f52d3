package io.tinyforge.codegen;

import io.tinyforge.codegen.view.RowFieldView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact layout of one group of const rows ({@link RowCalls}): every argument of the calls is a slot
 * ({@code stride_h}; list arguments one slot per element, {@code input_dims1}). A slot with the same value in
 * every row becomes a literal in the helper, a slot equal in every row to an earlier stored slot reads that one,
 * and the rest are row fields: arena addresses as their offset (added to {@code tfg_arena} in the helper),
 * other pointers as {@code void *} (the kernel's parameter types convert implicitly),
 * compound literals as their struct type, numbers in the narrowest of uint8/uint16 (non-negative), int8/int16/int32. Fields are
 * ordered pointers first, then by decreasing size, so a row has no padding inside.
 */
final class RowColumns {

    /** An arena address as {@code ModelEmitContext} writes it: cast type and byte offset. */
    private static final Pattern ARENA = Pattern.compile("^\\(\\(([\\w ]+\\*)\\)\\(tfg_arena \\+ (\\d+)\\)\\)$");
    private static final Pattern COMPOUND = Pattern.compile("^\\((\\w+)\\)(\\{.*\\})$", Pattern.DOTALL);

    private final List<RowFieldView> fields = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();
    private final Map<String, String> expr = new TreeMap<>();

    private RowColumns() {
    }

    /**
     * The layout of {@code rows} (call arguments; "op" is not a slot) for the row twin {@code template}, keeping
     * only the slots its call reads; {@code row} is the C name of the row pointer.
     */
    static RowColumns of(String template, List<Map<String, Object>> rows, String row) {
        return of(rows, row, usedSlots(template, rows.get(0)));
    }

    /** The slots of {@code first}'s arguments that the row twin's call reads (rendered once with markers). */
    static Set<String> usedSlots(String template, Map<String, Object> first) {
        Map<String, String> probe = new TreeMap<>();
        for (String s : slots(List.of(first)).keySet()) {
            probe.put(s, "@@" + s + "@@");
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("template", template);
        root.put("first", first);
        root.put("probe", probe);
        String text = Templates.render("row_probe.ftl", root);
        Set<String> used = new TreeSet<>();
        for (String s : probe.keySet()) {
            if (text.contains("@@" + s + "@@")) {
                used.add(s);
            }
        }
        return used;
    }

    static RowColumns of(List<Map<String, Object>> rows, String row, Set<String> used) {
        Map<String, List<Object>> slots = slots(rows);
        slots.keySet().retainAll(used);
        return layout(slots, rows.size(), row);
    }

    /** Slot name → its value in each row, in slot order. */
    private static Map<String, List<Object>> slots(List<Map<String, Object>> rows) {
        Map<String, List<Object>> slots = new LinkedHashMap<>();
        for (String key : new TreeMap<>(rows.get(0)).keySet()) {
            if (key.equals("op")) {
                continue;
            }
            Object first = rows.get(0).get(key);
            if (first instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    List<Object> column = new ArrayList<>();
                    for (Map<String, Object> r : rows) {
                        column.add(((List<?>) r.get(key)).get(i));
                    }
                    slots.put(key + i, column);
                }
            } else {
                List<Object> column = new ArrayList<>();
                for (Map<String, Object> r : rows) {
                    column.add(r.get(key));
                }
                slots.put(key, column);
            }
        }
        return slots;
    }

    private static RowColumns layout(Map<String, List<Object>> slots, int rowCount, String row) {
        RowColumns c = new RowColumns();
        List<String> stored = new ArrayList<>();
        List<String> storedKinds = new ArrayList<>();
        List<List<Object>> storedColumns = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : slots.entrySet()) {
            List<Object> column = e.getValue();
            if (column.stream().allMatch(v -> v.equals(column.get(0)))) {
                c.expr.put(e.getKey(), literal(column.get(0)));
                continue;
            }
            int same = storedColumns.indexOf(column);
            if (same >= 0) {
                c.expr.put(e.getKey(), row + "->" + stored.get(same));
                continue;
            }
            String cast = arenaCast(column);
            stored.add(e.getKey());
            storedColumns.add(column);
            if (cast != null) {
                /* an address in the arena: stored as its offset */
                List<Object> offsets = new ArrayList<>();
                for (Object v : column) {
                    Matcher m = ARENA.matcher(v.toString().strip());
                    offsets.add(m.matches() ? Long.parseLong(m.group(2)) : 0L);
                }
                storedColumns.set(storedColumns.size() - 1, offsets);
                storedKinds.add(type(offsets));
                c.expr.put(e.getKey(), "((" + cast + ")(tfg_arena + " + row + "->" + e.getKey() + "))");
            } else {
                storedKinds.add(type(column));
                c.expr.put(e.getKey(), row + "->" + e.getKey());
            }
        }
        if (stored.isEmpty()) {
            /* every row alike: keep one (unused) field so the struct is not empty */
            stored.add("unused");
            storedKinds.add("uint8_t");
            storedColumns.add(new ArrayList<>(java.util.Collections.nCopies(rowCount, (Object) 0)));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(rank(storedKinds.get(a)), rank(storedKinds.get(b))));
        for (int i : order) {
            c.fields.add(new RowFieldView(storedKinds.get(i), stored.get(i)));
        }
        for (int r = 0; r < rowCount; r++) {
            List<String> v = new ArrayList<>();
            for (int i : order) {
                v.add(initializer(storedKinds.get(i), storedColumns.get(i).get(r)));
            }
            c.values.add(v);
        }
        return c;
    }

    /** Row fields in struct order. */
    List<RowFieldView> fields() {
        return List.copyOf(fields);
    }

    /** Per row, the initializers of {@link #fields()} in order. */
    List<List<String>> values() {
        return values.stream().map(List::copyOf).toList();
    }

    /** Slot → C expression in the helper (a literal, or {@code r->field}). */
    Map<String, String> expr() {
        return Map.copyOf(expr);
    }

    /** The common cast of a column of arena addresses with offsets below 65,536, or null. */
    private static String arenaCast(List<Object> column) {
        String cast = null;
        for (Object v : column) {
            Matcher m = v instanceof String str ? ARENA.matcher(str.strip()) : null;
            if (m == null || !m.matches() || (cast != null && !cast.equals(m.group(1)))
                    || Long.parseLong(m.group(2)) > 0xFFFF) {
                return null;
            }
            cast = m.group(1);
        }
        return cast;
    }

    private static String literal(Object v) {
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        return v.toString();
    }

    private static String type(List<Object> column) {
        Object first = column.get(0);
        if (first instanceof Number) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Object o : column) {
                long x = ((Number) o).longValue();
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            /* unsigned first: Thumb has 16-bit LDRB/LDRH with an immediate offset, but no such LDRSB/LDRSH */
            if (min >= 0 && max <= 255) {
                return "uint8_t";
            }
            if (min >= 0 && max <= 0xFFFF) {
                return "uint16_t";
            }
            if (min >= -128 && max <= 127) {
                return "int8_t";
            }
            if (min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
                return "int16_t";
            }
            return "int32_t";
        }
        Matcher m = COMPOUND.matcher(first.toString().strip());
        if (m.matches()) {
            return m.group(1);
        }
        return "void *";
    }

    /** Pointers, then compound literals, then numbers by decreasing size. */
    private static int rank(String type) {
        switch (type) {
            case "void *":
                return 0;
            case "int32_t":
                return 2;
            case "int16_t":
            case "uint16_t":
                return 3;
            case "int8_t":
            case "uint8_t":
                return 4;
            default:
                return 1;
        }
    }

    private static String initializer(String type, Object v) {
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        String s = v.toString().strip();
        if (type.equals("void *")) {
            return "(void *)" + s;
        }
        Matcher m = COMPOUND.matcher(s);
        return m.matches() ? m.group(2) : s;
    }
}
