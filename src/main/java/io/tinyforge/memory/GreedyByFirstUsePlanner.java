package io.tinyforge.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places buffers in the order they come alive (ties: larger first, then request order), each at the lowest
 * offset free of live-at-the-same-time buffers: an alternative to {@link GreedyBySizePlanner} that wins on
 * some chain-shaped graphs.
 */
public final class GreedyByFirstUsePlanner implements MemoryPlanner {

    @Override
    public String name() {
        return "first-use";
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> buffers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < buffers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> buffers.get(i).first())
                .thenComparingLong(i -> -buffers.get(i).alignedSize())
                .thenComparingInt(i -> i));
        return GreedyPlacement.place(name(), buffers, order);
    }
}
