package io.tinyforge.cli;

import io.tinyforge.cluster.ClusteringMetadata;
import io.tinyforge.cluster.CodebookLayout;
import io.tinyforge.cluster.WeightTensor;
import io.tinyforge.codegen.ops.CodebookWeights;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The clustering part of {@code inspect}: per weight tensor the bits intended by the {@code tinyforge.clustering}
 * metadata, the distinct values found (which verify them), and how {@code generate} stores it (dense or codebook
 * + packed indices) with its bytes; plus the model's weight bytes once compressed.
 */
final class ClusteringInfo {

    private ClusteringInfo() {
    }

    /** Adds "clustering" and "compressedWeightBytes" to an inspect report when the model has clustered weights. */
    static void addTo(Map<String, Object> r, Graph g) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long saved = 0;
        boolean any = !ClusteringMetadata.of(g).isEmpty();
        for (WeightTensor w : WeightTensor.of(g)) {
            Tensor t = g.tensor(w.tensor());
            ClusteringMetadata.Entry e = ClusteringMetadata.forTensor(g, w.tensor());
            CodebookLayout perTensor = CodebookLayout.build(t, w.axis(), false);
            CodebookLayout perChannel = CodebookLayout.build(t, w.axis(), true);
            CodebookLayout chosen = t.dtype() == DType.INT8 && CodebookWeights.enabled()
                    ? CodebookLayout.best(t, w.axis()) : null;
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("tensor", w.tensor());
            o.put("name", t.name());
            o.put("op", w.op());
            o.put("type", w.opType().name());
            o.put("dtype", t.dtype().label());
            o.put("elements", t.shape().elements());
            o.put("intendedBits", e == null ? null : e.bits());
            o.put("intendedPerChannel", e == null ? null : e.perChannel());
            int distinct = perTensor == null ? -1 : perTensor.stride();
            int perChannelMax = perChannel == null ? -1 : perChannel.stride();
            o.put("distinctValues", distinct);
            o.put("maxDistinctPerChannel", perChannelMax);
            if (e != null) {
                int found = e.perChannel() ? perChannelMax : distinct;
                o.put("verified", found >= 0 && found <= (1 << e.bits()));
            }
            o.put("storage", chosen == null ? "dense" : chosen.perChannel() ? "codebook per channel"
                    : "codebook per tensor");
            o.put("indexBits", chosen == null ? null : chosen.width());
            o.put("denseBytes", t.data().length);
            o.put("storedBytes", chosen == null ? t.data().length : chosen.bytes());
            if (chosen != null) {
                saved += t.data().length - chosen.bytes();
                any = true;
            }
            rows.add(o);
        }
        if (any) {
            r.put("clustering", rows);
            r.put("compressedWeightBytes", g.constantBytes() - saved);
        }
    }

    /** The text form of what {@link #addTo} added ("" when nothing). */
    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> r) {
        if (!r.containsKey("clustering")) {
            return "";
        }
        StringBuilder sb = new StringBuilder("clustering (tinyforge.clustering metadata, values found, storage in "
                + "generated C):\n");
        for (Map<String, Object> o : (List<Map<String, Object>>) r.get("clustering")) {
            Object bits = o.get("intendedBits");
            String intended = bits == null ? "-" : bits + " bits" + (Boolean.TRUE.equals(o.get("intendedPerChannel"))
                    ? " per channel" : "") + (Boolean.TRUE.equals(o.get("verified")) ? " (verified)" : " (NOT met)");
            sb.append(String.format(Locale.ROOT, "  %3d %-18s #%-4d %-7s intended %-28s values %4d (max %4d/channel)  "
                    + "%-21s %7d -> %7d B%n", (int) o.get("op"), o.get("type"), (int) o.get("tensor"), o.get("dtype"),
                    intended, (int) o.get("distinctValues"), (int) o.get("maxDistinctPerChannel"),
                    o.get("storage") + (o.get("indexBits") == null ? "" : " " + o.get("indexBits") + "b"),
                    ((Number) o.get("denseBytes")).longValue(), ((Number) o.get("storedBytes")).longValue()));
        }
        sb.append("compressed weight bytes: ").append(r.get("compressedWeightBytes")).append(" (of ")
                .append(r.get("weightBytes")).append(")\n");
        return sb.toString();
    }
}
