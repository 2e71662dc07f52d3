package io.tinyforge.codegen;

import io.tinyforge.memory.MemoryPlanner;
import io.tinyforge.memory.Planners;

/**
 * How to generate: {@code name} is the C prefix of the API ({@code <name>_invoke}), {@code commandLine} is
 * written into every file header, {@code planner} lays out the arena. The rounding comes from the prepared
 * model ({@code PrepareContext}), so the C and the Java reference cannot disagree.
 */
public record GeneratorOptions(String name, String commandLine, MemoryPlanner planner) {

    public GeneratorOptions {
        CNames.checkModelName(name);
    }

    public GeneratorOptions(String name, String commandLine) {
        this(name, commandLine, Planners.defaultPlanner());
    }
}
