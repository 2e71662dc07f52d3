package io.tinyforge.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinyforge.ir.Graph;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tinyforge.pruning} metadata entry of a pruned .tflite (docs/PRUNING.md): UTF-8 JSON recording how
 * the model was pruned and, per weight tensor, the zeros it holds. Informational: the generator decides dense
 * or sparse storage from the weights themselves.
 */
public final class PruningMetadata {

    /** Name of the metadata entry in the model. */
    public static final String NAME = "tinyforge.pruning";
    /** Version of the JSON layout. */
    public static final int VERSION = 1;

    private PruningMetadata() {
    }

    /** The JSON document for a pruning run on {@code g} (tensor indices and zero counts read from {@code g}). */
    public static byte[] toJson(Graph g, PruneOptions o, String baseArch, String arch) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("format", NAME);
        root.put("version", VERSION);
        root.put("mode", o.structured() ? "structured" : "unstructured");
        root.put("sparsity", o.sparsity());
        root.put("schedule", o.structured() ? "one-shot" : o.schedule().name().toLowerCase(java.util.Locale.ROOT));
        if (o.structured()) {
            root.put("norm", o.norm().name());
        }
        root.put("epochs", o.epochs());
        root.put("base_arch", baseArch);
        root.put("arch", arch);
        ArrayNode arr = root.putArray("tensors");
        for (SparsityStats.Layer l : SparsityStats.of(g).layers()) {
            ObjectNode t = arr.addObject();
            t.put("tensor", l.tensor());
            t.put("name", l.name());
            t.put("elements", l.elements());
            t.put("zeros", l.zeros());
        }
        try {
            return om.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code g}, the pruned float graph, with the entry for a pruning run from {@code baseArch} to {@code arch}. */
    public static Graph attach(Graph g, PruneOptions o, String baseArch, String arch) {
        Map<String, byte[]> meta = new LinkedHashMap<>(g.metadata());
        meta.put(NAME, toJson(g, o, baseArch, arch));
        return g.withMetadata(meta);
    }

    /** True when {@code g} carries pruning metadata. */
    public static boolean present(Graph g) {
        return g.metadata().containsKey(NAME);
    }
}
