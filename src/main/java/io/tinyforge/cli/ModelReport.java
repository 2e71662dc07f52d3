package io.tinyforge.cli;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.memory.ArenaPlan;
import io.tinyforge.memory.MemoryPlanner;
import io.tinyforge.refimpl.HasMacs;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code inspect} and {@code demo} report about a model, as an ordered map (printed as text or JSON).
 * Figures that need a prepared model (MACs, arena) are omitted with a reason when preparation fails.
 */
final class ModelReport {

    private ModelReport() {
    }

    static Map<String, Object> of(Graph g, PreparedModel prepared, String prepareError, MemoryPlanner planner) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", g.name());
        r.put("sha256", g.sha256());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Operator op : g.operators()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("index", op.index());
            o.put("type", op.type().name());
            o.put("inputs", op.inputs());
            o.put("outputs", op.outputs());
            o.put("options", options(op.options()));
            ops.add(o);
        }
        r.put("operators", ops);
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (Tensor t : g.tensors()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("index", t.index());
            o.put("name", t.name());
            o.put("dtype", t.dtype().label());
            o.put("shape", t.shape().dims());
            o.put("bytes", t.bytes());
            o.put("kind", t.isConstant() ? "constant" : t.variable() ? "variable" : "activation");
            if (t.hasQuant()) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("scales", t.quant().scales());
                q.put("zeroPoints", t.quant().zeroPoints());
                q.put("axis", t.quant().axis());
                o.put("quant", q);
            }
            tensors.add(o);
        }
        r.put("tensors", tensors);
        r.put("inputs", g.inputs());
        r.put("outputs", g.outputs());
        long params = 0;
        for (Tensor t : g.tensors()) {
            if (t.isConstant()) {
                params += t.shape().elements();
            }
        }
        r.put("params", params);
        r.put("weightBytes", g.constantBytes());
        if (prepared != null) {
            long macs = 0;
            for (PreparedOp<?> op : prepared.ops()) {
                if (op.params() instanceof HasMacs m) {
                    macs += m.macs();
                }
            }
            r.put("macs", macs);
            ArenaPlan plan = ArenaPlan.of(prepared, planner);
            r.put("planner", plan.plan().planner());
            r.put("arenaBytes", plan.arenaBytes());
            r.put("arenaLowerBound", plan.lowerBound());
            r.put("arenaBytesNoInPlace", plan.arenaNoInPlace());
            r.put("arenaLowerBoundInPlace", plan.inPlaceLowerBound());
            List<Map<String, Object>> inPlace = new ArrayList<>();
            for (Map.Entry<Integer, io.tinyforge.memory.InPlace> e : plan.lifetimes().inPlaceOps().entrySet()) {
                Map<String, Object> ip = new LinkedHashMap<>();
                ip.put("op", e.getKey());
                ip.put("type", prepared.ops().get(e.getKey()).params().op().type().name());
                ip.put("kernel", e.getValue().kernel());
                ip.put("input", e.getValue().input());
                ip.put("output", e.getValue().output());
                ip.put("scratchBytes", e.getValue().scratchBytes());
                inPlace.add(ip);
            }
            r.put("inPlaceOps", inPlace);
            r.put("inPlaceCandidates", new ArrayList<>(plan.lifetimes().inPlaceCandidates()));
            List<Map<String, Object>> buffers = new ArrayList<>();
            List<io.tinyforge.memory.BufferRequest> reqs = plan.lifetimes().buffers();
            for (int i = 0; i < reqs.size(); i++) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("buffer", reqs.get(i).label());
                b.put("bytes", reqs.get(i).size());
                b.put("firstOp", reqs.get(i).first());
                b.put("lastOp", reqs.get(i).last());
                if (reqs.get(i).group() >= 0) {
                    b.put("inPlaceGroup", reqs.get(i).group());
                }
                b.put("offset", plan.plan().offset(i));
                buffers.add(b);
            }
            r.put("arenaBuffers", buffers);
        } else {
            r.put("notPrepared", prepareError);
        }
        return r;
    }

    /** Prepares {@code g}, or returns null and stores the one-line reason in {@code why[0]}. */
    static PreparedModel tryPrepare(Graph g, io.tinyforge.fixedpoint.Rounding rounding, String[] why) {
        try {
            return Models.prepare(g, rounding);
        } catch (ModelException e) {
            why[0] = e.getMessage();
            return null;
        }
    }

    /** The option record's components as name → value (arrays as lists, enums as names). */
    static Map<String, Object> options(OpOptions o) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (o == null || !o.getClass().isRecord()) {
            return m;
        }
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), plain(c.getAccessor().invoke(o)));
            } catch (ReflectiveOperationException e) {
                m.put(c.getName(), "?");
            }
        }
        return m;
    }

    private static Object plain(Object v) {
        if (v instanceof int[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof long[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof float[] a) {
            List<Float> l = new ArrayList<>();
            for (float f : a) {
                l.add(f);
            }
            return l;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Record rec) {
            return rec.toString();
        }
        return v;
    }

    /** The human-readable form of a report. */
    static String text(Map<String, Object> r, Graph g) {
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(r.get("model")).append("  sha256 ").append(r.get("sha256")).append('\n');
        sb.append("operators: ").append(g.operators().size()).append('\n');
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ops = (List<Map<String, Object>>) r.get("operators");
        for (Map<String, Object> o : ops) {
            sb.append(String.format("  %3d %-30s in=%s out=%s %s%n", o.get("index"), o.get("type"),
                    Arrays.toString((int[]) o.get("inputs")).replace(" ", ""),
                    Arrays.toString((int[]) o.get("outputs")).replace(" ", ""), optionsText(o.get("options"))));
        }
        sb.append("tensors: ").append(g.tensors().size()).append('\n');
        for (Tensor t : g.tensors()) {
            sb.append(String.format("  %3d %-8s %-16s %-10s %s%s%n", t.index(), t.dtype().label(), t.shape(),
                    t.isConstant() ? "constant" : t.variable() ? "variable" : "activation",
                    t.hasQuant() ? t.quant() + "  " : "", "'" + t.name() + "'"));
        }
        sb.append("inputs: ").append(Arrays.toString(g.inputs())).append("  outputs: ")
                .append(Arrays.toString(g.outputs())).append('\n');
        sb.append("params: ").append(r.get("params")).append('\n');
        sb.append("weight bytes: ").append(r.get("weightBytes")).append('\n');
        if (r.containsKey("macs")) {
            sb.append("MACs: ").append(r.get("macs")).append('\n');
            sb.append("arena bytes: ").append(r.get("arenaBytes")).append(" (planner ").append(r.get("planner"))
                    .append(")\n");
            sb.append("arena lower bound: ").append(r.get("arenaLowerBound")).append('\n');
        } else {
            sb.append("MACs, arena: not available (").append(r.get("notPrepared")).append(")\n");
        }
        return sb.toString();
    }

    private static String optionsText(Object options) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) options;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=')
                    .append(String.valueOf(e.getValue()).replace(" ", ""));
        }
        return sb.toString();
    }
}
