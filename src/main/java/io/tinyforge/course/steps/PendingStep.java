package io.tinyforge.course.steps;

import io.tinyforge.course.CompressionStep;
import io.tinyforge.course.CourseContext;
import io.tinyforge.course.Variant;
import java.util.List;
import java.util.Optional;

/** A slot for a step whose code is not in this build yet: listed in the report as pending, with the reason. */
public final class PendingStep implements CompressionStep {
    private final List<String> produces;
    private final String label;
    private final String reason;

    public PendingStep(List<String> produces, String label, String reason) {
        this.produces = List.copyOf(produces);
        this.label = label;
        this.reason = reason;
    }

    @Override
    public List<String> produces() {
        return produces;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Optional<String> missing() {
        return Optional.of(reason);
    }

    @Override
    public List<Variant> run(CourseContext ctx) {
        throw new IllegalStateException(label + " is pending: " + reason);
    }
}
