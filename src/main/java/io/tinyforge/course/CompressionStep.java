package io.tinyforge.course;

import java.util.List;
import java.util.Optional;

/**
 * One step of the course: makes one or more {@link Variant}s, usually from a variant an earlier step made (found
 * in the {@link CourseContext}). A step whose code is not in this build says why through {@link #missing()};
 * the course then lists it as pending instead of running it.
 */
public interface CompressionStep {

    /** The identifiers of the variants this step makes (also shown for a pending step). */
    List<String> produces();

    /** A short label for progress and the pending list. */
    String label();

    /** Why the step cannot run in this build (empty when it can). */
    default Optional<String> missing() {
        return Optional.empty();
    }

    /** Makes the variants; {@code ctx} holds the data, the budget and the variants made so far. */
    List<Variant> run(CourseContext ctx);
}
