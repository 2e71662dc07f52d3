package io.tinyforge.cluster;

import io.tinyforge.ir.Graph;
import java.util.List;

/** The clustered graph (weights hold centroid values, metadata records the bits) and one report per tensor. */
public record ClusterResult(Graph graph, List<TensorClusterReport> tensors) {

    public ClusterResult {
        tensors = List.copyOf(tensors);
    }

    /** Dense bytes of all clustered tensors. */
    public long denseBytes() {
        return tensors.stream().mapToLong(TensorClusterReport::denseBytes).sum();
    }

    /** Codebook + packed-index bytes of all clustered tensors. */
    public long codebookBytes() {
        return tensors.stream().mapToLong(TensorClusterReport::codebookBytes).sum();
    }
}
