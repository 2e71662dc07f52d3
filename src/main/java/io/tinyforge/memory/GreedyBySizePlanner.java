package io.tinyforge.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TFLM's greedy planner: buffers are placed largest first, each at the lowest offset where it does not
 * overlap any already placed buffer that is live at the same time. Ties in size are broken by earlier first
 * use, then by request order, so the plan is deterministic.
 */
public final class GreedyBySizePlanner implements MemoryPlanner {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public MemoryPlan plan(List<BufferRequest> buffers) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < buffers.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> -buffers.get(i).alignedSize())
                .thenComparingInt(i -> buffers.get(i).first())
                .thenComparingInt(i -> i));
        return GreedyPlacement.place(name(), buffers, order);
    }
}
