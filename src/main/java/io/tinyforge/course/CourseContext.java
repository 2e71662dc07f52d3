package io.tinyforge.course;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.passes.FoldFloat16Dequantize;
import io.tinyforge.train.TrainProgress;
import io.tinyforge.train.TrainedCnn;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the steps of one course run share: the data, the budget, where progress goes, the variants made so far
 * (in order) and the trained float CNN's weights (for steps that fine-tune it).
 */
public final class CourseContext {
    private final CourseData data;
    private final CourseBudget budget;
    private final PrintStream progress;
    private final boolean terminal;
    private final Map<String, Variant> variants = new LinkedHashMap<>();
    private final Map<String, TrainedCnn> cnns = new LinkedHashMap<>();

    /** @param progress where progress bars go (stderr in the CLI); null for none */
    public CourseContext(CourseData data, CourseBudget budget, PrintStream progress, boolean terminal) {
        this.data = data;
        this.budget = budget;
        this.progress = progress;
        this.terminal = terminal;
    }

    public CourseData data() {
        return data;
    }

    public CourseBudget budget() {
        return budget;
    }

    /** A progress bar of {@code total} units on the progress stream. */
    public ProgressBar bar(String label, long total) {
        return new ProgressBar(progress, terminal, label, total);
    }

    /** The progress stream (null when silent), for the trainer's own progress lines. */
    public PrintStream progressStream() {
        return progress;
    }

    public boolean terminal() {
        return terminal;
    }

    /** Training progress (one line per epoch, a bar on a terminal) under a heading line. */
    public TrainProgress trainProgress(String heading) {
        if (progress == null) {
            return TrainProgress.silent();
        }
        progress.println("  " + heading + ":");
        return new TrainProgress(progress, terminal);
    }

    /** The variant made earlier under {@code id}; a ModelException names the missing one. */
    public Variant variant(String id) {
        Variant v = variants.get(id);
        if (v == null) {
            throw new ModelException("course step needs variant '" + id + "', which no earlier step made");
        }
        return v;
    }

    public boolean has(String id) {
        return variants.containsKey(id);
    }

    /** Every variant so far, in the order they were made. */
    public List<Variant> variants() {
        return new ArrayList<>(variants.values());
    }

    void add(Variant v) {
        if (variants.putIfAbsent(v.id(), v) != null) {
            throw new IllegalStateException("two course steps made variant " + v.id());
        }
    }

    /**
     * The float weights a training step kept under {@code id} (the trained CNN under {@code float32}, a pruned
     * one under its own name), for later steps that fine-tune or distill from them.
     */
    public TrainedCnn cnn(String id) {
        TrainedCnn c = cnns.get(id);
        if (c == null) {
            throw new ModelException("course step needs the float CNN '" + id + "', which no earlier step kept");
        }
        return c;
    }

    /** Keeps float weights under {@code id} for later steps. */
    public void keep(String id, TrainedCnn cnn) {
        cnns.put(id, cnn);
    }

    /**
     * A variant from a graph: written as {@code .tflite} and read back (float16 DEQUANTIZEs folded) so the graph
     * measured is exactly the one {@code tinyforge generate} would build from the written file.
     */
    public static Variant variant(String id, String label, String base, List<String> recipe, Graph g) {
        byte[] bytes = TfliteWriter.write(g);
        Graph back = FoldFloat16Dequantize.apply(TfliteImporter.parse(bytes, id, id + ".tflite"));
        return new Variant(id, label, base, recipe, bytes, back);
    }
}
