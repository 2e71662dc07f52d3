package io.tinyforge.course;

import static io.tinyforge.course.SvgCharts.esc;

import io.tinyforge.codegen.ToolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no external assets) with the
 * course table, an accuracy-versus-flash scatter (weight bytes when the emulator did not run) and one bar chart
 * per figure. Deterministic, like {@link CourseReport#json}.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String html(CourseResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>tinyforge demo: the TinyML course on Fashion-MNIST</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}\n")
                .append("table{border-collapse:collapse;font-size:14px}th,td{padding:4px 8px;border-bottom:1px solid #ddd}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}\n")
                .append("td.bad{color:#b00;font-weight:bold}td.ok{color:#070}\n")
                .append("svg{display:block;margin:1em 0}.title{font-size:15px;font-weight:bold}")
                .append(".tick{font-size:11px;fill:#444}.label{font-size:11px}.axis{font-size:12px}")
                .append(".grid{stroke:#e5e5e5}.frame{fill:none;stroke:#999}\n")
                .append(".charts{display:flex;flex-wrap:wrap;gap:0 2em}\n</style>\n</head>\n<body>\n");
        CourseBudget b = r.budget();
        sb.append("<h1>tinyforge demo: the TinyML course</h1>\n");
        sb.append(String.format(Locale.ROOT, "<p>tinyforge %s; Fashion-MNIST; budget <b>%s</b>: the course CNN trained "
                + "on %,d images for %d epoch(s) (seed %d), %d fine-tuning epoch(s) where a step retrains; accuracy "
                + "on %,d test images with the Java reference; C compared byte for byte with the Java reference on "
                + "%d images on the host%s.</p>%n", esc(ToolVersion.get()), esc(b.name()), b.trainImages(), b.epochs(),
                b.seed(), b.fineTuneEpochs(), b.testImages(), b.compareImages(), r.emulator()
                        ? String.format(Locale.ROOT, " and %d on %s (Cortex-M4F in QEMU; flash, RAM and instructions "
                                + "per inference from its test firmware)", b.firmwareImages(), VariantMeasurer.BOARD)
                        : " (the Arm toolchain or QEMU was not installed, or the emulator was switched off: no "
                                + "flash, RAM or instruction figures)"));
        table(sb, r);
        boolean flash = r.emulator() && r.rows().stream().allMatch(x -> x.m().flashBytes() != null);
        List<SvgCharts.Point> pts = new ArrayList<>();
        for (CourseResult.Row row : r.rows()) {
            double x = flash ? row.m().flashBytes() : row.m().weightBytes();
            pts.add(new SvgCharts.Point(row.variant().id(), x, 100 * row.m().accuracy()));
        }
        sb.append("<h2>Accuracy vs ").append(flash ? "flash" : "weight bytes").append("</h2>\n");
        sb.append(SvgCharts.scatter("test accuracy vs " + (flash ? "firmware flash bytes" : "weight bytes in C"),
                flash ? "flash bytes (" + VariantMeasurer.BOARD + " test firmware)" : "weight bytes (generated C)",
                "accuracy (%)", pts));
        sb.append("<h2>Per variant</h2>\n<div class=\"charts\">\n");
        sb.append(SvgCharts.bars("accuracy", "%", points(r, row -> 100 * row.m().accuracy())));
        sb.append(SvgCharts.bars("compression vs float32 (weight bytes)", "x", points(r, r::compression)));
        sb.append(SvgCharts.bars("weight bytes (generated C)", "B", points(r, row -> row.m().weightBytes())));
        sb.append(SvgCharts.bars("arena bytes (RAM for activations)", "B", points(r, row -> row.m().arenaBytes())));
        if (r.emulator()) {
            sb.append(SvgCharts.bars("flash bytes (test firmware)", "B", points(r, row -> nan(row.m().flashBytes()))));
            sb.append(SvgCharts.bars("instructions per inference (Cortex-M4)", "",
                    points(r, row -> nan(row.m().instructions()))));
        }
        sb.append("</div>\n");
        if (!r.pending().isEmpty()) {
            sb.append("<h2>Pending steps</h2>\n<ul>\n");
            for (CourseResult.Pending p : r.pending()) {
                sb.append("<li><code>").append(esc(p.id())).append("</code> (").append(esc(p.label())).append("): ")
                        .append(esc(p.reason())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("<h2>Recipes</h2>\n<ul>\n");
        for (CourseResult.Row row : r.rows()) {
            sb.append("<li><code>").append(esc(row.variant().id())).append("</code>")
                    .append(row.variant().base() == null ? "" : " from <code>" + esc(row.variant().base()) + "</code>")
                    .append(": ").append(esc(String.join("; ", row.variant().recipe()))).append("</li>\n");
        }
        sb.append("</ul>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, CourseResult r) {
        sb.append("<table>\n<tr><th>variant</th><th>accuracy</th><th>&Delta; pp</th><th>weight B</th><th>flash B</th>"
                + "<th>RAM B</th><th>arena B</th><th>instructions / inference</th><th>&times; float</th>"
                + "<th>C = Java</th></tr>\n");
        double base = r.baseline().m().accuracy();
        for (CourseResult.Row row : r.rows()) {
            Measurement m = row.m();
            sb.append("<tr><td title=\"").append(esc(row.variant().label())).append("\">")
                    .append(esc(row.variant().id())).append("</td>")
                    .append(cell(String.format(Locale.ROOT, "%.2f %%", 100 * m.accuracy())))
                    .append(cell(row == r.baseline() ? "&mdash;"
                            : String.format(Locale.ROOT, "%+.2f", 100 * (m.accuracy() - base))))
                    .append(cell(CourseReport.group(m.weightBytes())))
                    .append(cell(m.flashBytes() == null ? "&mdash;" : CourseReport.group(m.flashBytes())))
                    .append(cell(m.ramBytes() == null ? "&mdash;" : CourseReport.group(m.ramBytes())))
                    .append(cell(CourseReport.group(m.arenaBytes())))
                    .append(cell(m.instructions() == null ? "&mdash;" : CourseReport.group(m.instructions())))
                    .append(cell(String.format(Locale.ROOT, "%.2f&times;", r.compression(row))))
                    .append("<td class=\"").append(m.equal() ? "ok" : "bad").append("\">")
                    .append(esc(CourseReport.verdict(m))).append("</td></tr>\n");
        }
        for (CourseResult.Pending p : r.pending()) {
            sb.append("<tr><td>").append(esc(p.id())).append("</td><td colspan=\"9\">pending</td></tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String cell(String s) {
        return "<td class=\"n\">" + s + "</td>";
    }

    private static double nan(Long v) {
        return v == null ? Double.NaN : v;
    }

    private static List<SvgCharts.Point> points(CourseResult r, java.util.function.ToDoubleFunction<CourseResult.Row> f) {
        List<SvgCharts.Point> p = new ArrayList<>();
        for (CourseResult.Row row : r.rows()) {
            p.add(new SvgCharts.Point(row.variant().id(), f.applyAsDouble(row), 0));
        }
        return p;
    }
}
