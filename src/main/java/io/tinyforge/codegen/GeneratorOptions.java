package io.tinyforge.codegen;

import io.tinyforge.memory.MemoryPlanner;
import io.tinyforge.memory.Planners;

/**
 * How to generate: {@code name} is the C prefix of the API ({@code <name>_invoke}), {@code commandLine} is
 * written into every file header, {@code planner} lays out the arena, {@code inPlace} lets operators write
 * their output over a dying input where that shrinks the arena (smaller RAM; the in-place conv kernels have no
 * DSP path yet, so {@code false} is faster on M4/M7/M33). The rounding comes from the prepared model
 * ({@code PrepareContext}), so the C and the Java reference cannot disagree.
 */
public record GeneratorOptions(String name, String commandLine, MemoryPlanner planner, boolean inPlace) {

    public GeneratorOptions {
        CNames.checkModelName(name);
    }

    public GeneratorOptions(String name, String commandLine, MemoryPlanner planner) {
        this(name, commandLine, planner, true);
    }

    public GeneratorOptions(String name, String commandLine) {
        this(name, commandLine, Planners.defaultPlanner());
    }

    /** The same options with in-place operators switched on or off. */
    public GeneratorOptions withInPlace(boolean on) {
        return new GeneratorOptions(name, commandLine, planner, on);
    }
}
