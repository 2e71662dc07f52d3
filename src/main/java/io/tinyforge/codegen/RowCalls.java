package io.tinyforge.codegen;

import io.tinyforge.codegen.view.RowGroupView;
import io.tinyforge.codegen.view.RowRefView;
import io.tinyforge.codegen.view.StepRunView;
import io.tinyforge.codegen.view.StepView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Table-driven calls: where a model calls the same kernel with the same argument set several times (the
 * convolutions of KWS/VWW), {@code model.c} keeps each call's parameters as one const row in flash and calls
 * the kernel from a single helper, so {@code invoke()} needs one short call per layer instead of ~150 bytes of
 * argument set-up. Only templates with a row twin in {@code templates/ops/rows/} (macros {@code row_fields},
 * {@code row}, {@code row_call}) take part, and only calls whose argument names are exactly the ones that twin
 * reads ({@code KEYS}); any other call stays a direct call. A call with a number outside int16 stays direct too.
 * The rows keep only the arguments that differ between calls, each in its narrowest type ({@link RowColumns}).
 * A run of at least {@link #MIN_RUN} consecutive operators that are all row calls becomes one loop over a table
 * of (helper, row) steps instead of one call site per operator.
 */
final class RowCalls {

    private static final Set<String> CONV = Set.of("op", "input", "filter", "bias", "output", "input_dims",
            "filter_dims", "output_dims", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_h", "pad_w",
            "input_offset", "output_offset", "multipliers", "shifts", "act_min", "act_max");
    private static final Set<String> DEPTHWISE = plus(CONV, "depth_multiplier");
    private static final Set<String> CONV_1X1_INPLACE = Set.of("op", "data", "pixels", "in_c", "out_c", "filter",
            "bias", "input_offset", "output_offset", "multipliers", "shifts", "act_min", "act_max", "scratch",
            "block_pixels");
    private static final Set<String> DEPTHWISE_INPLACE = Set.of("op", "data", "filter", "bias", "input_dims",
            "filter_dims", "output_dims", "stride_h", "stride_w", "dilation_h", "dilation_w", "pad_h", "pad_w",
            "input_offset", "output_offset", "multipliers", "shifts", "act_min", "act_max", "scratch");

    private static final Set<String> CONV_GEMM = plus(plus(plus(plus(CONV, "scratch"), "channels"), "zp_after"), "c31");
    private static final Set<String> CONV_1X1_GEMM_INPLACE = Set.of("op", "data", "pixels", "in_c", "out_c", "filter",
            "channels", "zp_after", "c31", "input_offset", "act_min", "act_max", "scratch");

    /**
     * Template → the argument sets its row twin understands, each with the suffix of its group's C name (a
     * template whose call macro picks a kernel variant by the presence of an argument has one set per variant).
     */
    private static final Map<String, Map<Set<String>, String>> KEYS = Map.of(
            "conv_2d", Map.of(plus(CONV, "scratch"), "", CONV, "_ref"),
            "conv_2d_sp", Map.of(CONV, ""),
            "conv_2d_gemm", Map.of(CONV_GEMM, ""),
            "conv_1x1_inplace", Map.of(CONV_1X1_INPLACE, ""),
            "conv_1x1_gemm_inplace", Map.of(CONV_1X1_GEMM_INPLACE, ""),
            "depthwise_conv_2d", Map.of(plus(plus(DEPTHWISE, "packed"), "requant"), "", DEPTHWISE, "_ref"),
            "depthwise_conv_2d_inplace", Map.of(plus(plus(plus(DEPTHWISE_INPLACE, "packed"), "requant"), "ring_rows"),
                    ""));

    /** A group is worth a table from this many calls on. */
    static final int MIN_CALLS = 2;

    /** Consecutive row calls run from the step table from this many on. */
    static final int MIN_RUN = 3;

    private final List<RowGroupView> groups = new ArrayList<>();
    private final Map<String, RowRefView> refs = new TreeMap<>();
    private final List<StepView> steps = new ArrayList<>();
    private final Map<String, StepRunView> runs = new TreeMap<>();
    private final Map<String, Integer> inRuns = new TreeMap<>();

    private RowCalls() {
    }

    /** Groups {@code calls} (template name, args), in call order. */
    static RowCalls of(List<OpCall> calls) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < calls.size(); i++) {
            OpCall c = calls.get(i);
            Map<Set<String>, String> accepted = KEYS.getOrDefault(c.template(), Map.of());
            String suffix = accepted.get(c.args().keySet());
            if (suffix == null || !fitsInt16(c.args())) {
                continue;
            }
            String name = c.template() + suffix;
            byGroup.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
        }
        RowCalls r = new RowCalls();
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            if (e.getValue().size() < MIN_CALLS) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i : e.getValue()) {
                r.refs.put(String.valueOf(i), new RowRefView(e.getKey(), rows.size()));
                rows.add(calls.get(i).args());
            }
            RowColumns cols = RowColumns.of(calls.get(e.getValue().get(0)).template(), rows, "r");
            r.groups.add(new RowGroupView(e.getKey(), calls.get(e.getValue().get(0)).template(), rows.get(0),
                    cols.fields(), cols.values(), cols.expr()));
        }
        r.findRuns(calls);
        return r;
    }

    /** Runs of at least MIN_RUN consecutive calls (consecutive operator numbers) that all have rows. */
    private void findRuns(List<OpCall> calls) {
        int i = 0;
        while (i < calls.size()) {
            int j = i;
            while (j < calls.size() && refs.containsKey(String.valueOf(j))
                    && (j == i || op(calls.get(j)) == op(calls.get(j - 1)) + 1)) {
                j++;
            }
            if (j - i >= MIN_RUN) {
                int first = steps.size();
                for (int k = i; k < j; k++) {
                    RowRefView ref = refs.get(String.valueOf(k));
                    steps.add(new StepView(ref.group(), ref.row()));
                    inRuns.put(String.valueOf(k), first + k - i);
                }
                runs.put(String.valueOf(i), new StepRunView(first, steps.size(), op(calls.get(i))));
            }
            i = Math.max(j, i + 1);
        }
    }

    private static int op(OpCall c) {
        Object o = c.args().get("op");
        return o instanceof Number n ? n.intValue() : Integer.MIN_VALUE / 2;
    }

    /** The step table: helper and row of every call in a run, in call order. */
    List<StepView> steps() {
        return List.copyOf(steps);
    }

    /** Call position (as a string) of a run's first call → the run. */
    Map<String, StepRunView> runs() {
        return Map.copyOf(runs);
    }

    /** Call position (as a string) of every call inside a run → its step index. */
    Map<String, Integer> inRuns() {
        return Map.copyOf(inRuns);
    }

    List<RowGroupView> groups() {
        return List.copyOf(groups);
    }

    /** Call position (as a string, for the template) → its row. */
    Map<String, RowRefView> refs() {
        return Map.copyOf(refs);
    }

    private static boolean fitsInt16(Map<String, Object> args) {
        for (Map.Entry<String, Object> e : args.entrySet()) {
            if (e.getKey().equals("op")) {
                continue;
            }
            if (!fitsInt16(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsInt16(Object v) {
        if (v instanceof Number n) {
            long x = n.longValue();
            return x >= Short.MIN_VALUE && x <= Short.MAX_VALUE && n.doubleValue() == x;
        }
        if (v instanceof List<?> l) {
            return l.stream().allMatch(RowCalls::fitsInt16);
        }
        return true;
    }

    private static Set<String> plus(Set<String> s, String key) {
        TreeSet<String> t = new TreeSet<>(s);
        t.add(key);
        return Set.copyOf(t);
    }
}
