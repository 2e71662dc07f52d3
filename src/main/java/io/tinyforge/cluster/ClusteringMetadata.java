package io.tinyforge.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinyforge.ir.Graph;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code tinyforge.clustering} metadata entry of a .tflite file (see docs/CLUSTERING.md): a small JSON
 * document that records, for each clustered tensor, the intended index bits and whether its codebook is per
 * output channel. The weights themselves stay ordinary tensors holding centroid values.
 */
public final class ClusteringMetadata {

    /** Name of the metadata entry in the model. */
    public static final String NAME = "tinyforge.clustering";
    /** Version of the JSON layout. */
    public static final int VERSION = 1;

    /** One clustered tensor: its index and name in the subgraph, the intended bits, per-channel flag. */
    public record Entry(int tensor, String name, int bits, boolean perChannel, int axis) {
    }

    private ClusteringMetadata() {
    }

    /** The JSON bytes for {@code entries}. */
    public static byte[] toJson(List<Entry> entries) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = om.createObjectNode();
        root.put("format", NAME);
        root.put("version", VERSION);
        ArrayNode arr = root.putArray("tensors");
        for (Entry e : entries) {
            ObjectNode o = arr.addObject();
            o.put("tensor", e.tensor());
            o.put("name", e.name());
            o.put("bits", e.bits());
            o.put("per_channel", e.perChannel());
            o.put("axis", e.axis());
        }
        try {
            return om.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of a JSON document; an empty list when it is not one this version understands. */
    public static List<Entry> parse(byte[] json) {
        List<Entry> r = new ArrayList<>();
        try {
            JsonNode root = new ObjectMapper().readTree(new String(json, StandardCharsets.UTF_8));
            if (root == null || root.path("version").asInt(-1) != VERSION) {
                return r;
            }
            for (JsonNode t : root.path("tensors")) {
                r.add(new Entry(t.path("tensor").asInt(-1), t.path("name").asText(""), t.path("bits").asInt(0),
                        t.path("per_channel").asBoolean(false), t.path("axis").asInt(0)));
            }
        } catch (IOException e) {
            return new ArrayList<>();
        }
        return r;
    }

    /** The clustering entries recorded in {@code g}'s metadata (empty when none). */
    public static List<Entry> of(Graph g) {
        byte[] json = g.metadata().get(NAME);
        return json == null ? List.of() : parse(json);
    }

    /** The entry of tensor {@code index} in {@code g}, or null. */
    public static Entry forTensor(Graph g, int index) {
        for (Entry e : of(g)) {
            if (e.tensor() == index) {
                return e;
            }
        }
        return null;
    }
}
