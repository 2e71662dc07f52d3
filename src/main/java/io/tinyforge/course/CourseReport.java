package io.tinyforge.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinyforge.codegen.ToolVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The course table as text (terminal) and JSON ({@code report.json}). Both hold only what the inputs and the
 * seed determine (no times, no dates), so the same run gives the same bytes; stage times are printed apart.
 */
public final class CourseReport {

    private CourseReport() {
    }

    /** The fixed-width table, one line per variant, then the pending steps. */
    public static String table(CourseResult r) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-24s %8s %7s %9s %9s %9s %12s %8s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "variant", "accuracy", "d pp", "weight B", "flash B", "arena B",
                "instr/inf", "x float", "C = Java"));
        double base = r.baseline().m().accuracy();
        for (CourseResult.Row row : r.rows()) {
            Measurement m = row.m();
            sb.append(String.format(Locale.ROOT, fmt, row.variant().id(),
                    String.format(Locale.ROOT, "%.2f%%", 100 * m.accuracy()),
                    row == r.baseline() ? "-" : String.format(Locale.ROOT, "%+.2f", 100 * (m.accuracy() - base)),
                    group(m.weightBytes()), m.flashBytes() == null ? "-" : group(m.flashBytes()),
                    group(m.arenaBytes()), m.instructions() == null ? "-" : group(m.instructions()),
                    String.format(Locale.ROOT, "%.2fx", r.compression(row)), verdict(m)));
        }
        for (CourseResult.Pending p : r.pending()) {
            sb.append(String.format(Locale.ROOT, "%-24s pending: %s%n", p.id(), p.reason()));
        }
        return sb.toString();
    }

    /** "host 20 ok, qemu 3 ok", or where they differ. */
    static String verdict(Measurement m) {
        String s = "host " + m.hostImages() + (m.hostMismatch() < 0 ? " ok" : " DIFFER at byte " + m.hostMismatch());
        if (m.emulatorError() != null) {
            s += ", qemu FAILED: " + m.emulatorError();
        } else if (m.emulatorImages() != null) {
            s += ", qemu " + m.emulatorImages() + (m.emulatorMismatch() < 0 ? " ok"
                    : " DIFFER at byte " + m.emulatorMismatch());
        }
        return s;
    }

    static String group(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** The report as a JSON tree (maps and lists). */
    public static Map<String, Object> tree(CourseResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "tinyforge " + ToolVersion.get());
        root.put("dataset", "fashion-mnist");
        CourseBudget b = r.budget();
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("name", b.name());
        budget.put("seed", b.seed());
        budget.put("trainImages", b.trainImages());
        budget.put("epochs", b.epochs());
        budget.put("fineTuneEpochs", b.fineTuneEpochs());
        budget.put("testImages", b.testImages());
        budget.put("calibrationImages", b.calibImages());
        budget.put("hostCompareImages", b.compareImages());
        budget.put("emulatorImages", b.firmwareImages());
        root.put("budget", budget);
        root.put("board", r.emulator() ? VariantMeasurer.BOARD : null);
        root.put("allEqual", r.allEqual());
        List<Object> rows = new ArrayList<>();
        double base = r.baseline().m().accuracy();
        for (CourseResult.Row row : r.rows()) {
            Measurement m = row.m();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", row.variant().id());
            o.put("label", row.variant().label());
            o.put("base", row.variant().base());
            o.put("recipe", row.variant().recipe());
            o.put("accuracy", m.accuracy());
            o.put("accuracyDeltaPp", Math.round(10000 * (m.accuracy() - base)) / 100.0);
            o.put("testImages", m.testImages());
            o.put("tfliteBytes", row.variant().tfliteBytes());
            o.put("weightBytes", m.weightBytes());
            o.put("compressionVsFloat", Math.round(100 * r.compression(row)) / 100.0);
            o.put("arenaBytes", m.arenaBytes());
            o.put("flashBytes", m.flashBytes());
            o.put("ramBytes", m.ramBytes());
            o.put("instructionsPerInference", m.instructions());
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("images", m.hostImages());
            host.put("equal", m.hostMismatch() < 0);
            host.put("firstMismatchByte", m.hostMismatch() < 0 ? null : m.hostMismatch());
            o.put("hostC", host);
            if (m.emulatorImages() != null || m.emulatorError() != null) {
                Map<String, Object> emu = new LinkedHashMap<>();
                emu.put("board", VariantMeasurer.BOARD);
                emu.put("images", m.emulatorImages());
                emu.put("equal", m.emulatorMismatch() != null && m.emulatorMismatch() < 0);
                emu.put("firstMismatchByte", m.emulatorMismatch() == null || m.emulatorMismatch() < 0 ? null
                        : m.emulatorMismatch());
                emu.put("error", m.emulatorError());
                o.put("emulator", emu);
            }
            rows.add(o);
        }
        root.put("variants", rows);
        List<Object> pending = new ArrayList<>();
        for (CourseResult.Pending p : r.pending()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", p.id());
            o.put("step", p.label());
            o.put("reason", p.reason());
            pending.add(o);
        }
        root.put("pending", pending);
        return root;
    }

    /** {@code report.json}: the tree, indented, with a final newline. */
    public static String json(CourseResult r) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(r)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time of each stage and the total. */
    public static String stages(CourseResult r) {
        StringBuilder sb = new StringBuilder();
        double total = 0;
        for (CourseResult.Stage s : r.stages()) {
            sb.append(String.format(Locale.ROOT, "  %-52s %7.1f s%n", s.name(), s.seconds()));
            total += s.seconds();
        }
        sb.append(String.format(Locale.ROOT, "  %-52s %7.1f s%n", "total", total));
        return sb.toString();
    }
}
