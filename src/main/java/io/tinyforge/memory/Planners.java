package io.tinyforge.memory;

import io.tinyforge.ir.ModelException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of memory planners, chosen by name; {@code greedy} is the default. */
public final class Planners {
    private static final Map<String, MemoryPlanner> PLANNERS = new LinkedHashMap<>();

    static {
        add(new GreedyBySizePlanner());
        add(new GreedyByFirstUsePlanner());
        add(new LinearPlanner());
    }

    private Planners() {
    }

    private static void add(MemoryPlanner p) {
        PLANNERS.put(p.name(), p);
    }

    /** The default planner (TFLM's greedy by size). */
    public static MemoryPlanner defaultPlanner() {
        return PLANNERS.get("greedy");
    }

    /** The planner called {@code name}, or a one-line error listing the known names. */
    public static MemoryPlanner byName(String name) {
        MemoryPlanner p = PLANNERS.get(name);
        if (p == null) {
            throw new ModelException("unknown memory planner '" + name + "'; choose one of " + names());
        }
        return p;
    }

    public static List<String> names() {
        return List.copyOf(PLANNERS.keySet());
    }

    /** Every planner, in catalogue order. */
    public static List<MemoryPlanner> all() {
        return List.copyOf(PLANNERS.values());
    }
}
