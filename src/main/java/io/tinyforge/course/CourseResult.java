package io.tinyforge.course;

import java.util.List;

/**
 * The outcome of one course run: the measured variants in order (with the float baseline's weight bytes for
 * the compression ratios), the steps that could not run and why, the time of each stage, the budget and
 * whether the emulator ran.
 */
public record CourseResult(CourseBudget budget, String dataset, boolean emulator, List<Row> rows,
        List<Pending> pending, List<Stage> stages) {

    /** One measured variant. */
    public record Row(Variant variant, Measurement m) {
    }

    /** A variant a pending step would make, and why it is not there. */
    public record Pending(String id, String label, String reason) {
    }

    /** A stage of the run and its wall time. */
    public record Stage(String name, double seconds) {
    }

    public CourseResult {
        rows = List.copyOf(rows);
        pending = List.copyOf(pending);
        stages = List.copyOf(stages);
    }

    /** The float baseline row (the first row). */
    public Row baseline() {
        return rows.get(0);
    }

    /** Float weight bytes over this row's weight bytes. */
    public double compression(Row r) {
        return r.m().weightBytes() == 0 ? Double.NaN
                : (double) baseline().m().weightBytes() / r.m().weightBytes();
    }

    /** True when every variant's C equals the Java reference wherever it ran. */
    public boolean allEqual() {
        return rows.stream().allMatch(r -> r.m().equal());
    }
}
