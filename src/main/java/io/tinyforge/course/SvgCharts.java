package io.tinyforge.course;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the HTML report: a labelled scatter plot and horizontal bars. No scripts, no assets. */
final class SvgCharts {

    /** One labelled value (NaN: no value, drawn as "n/a"). */
    record Point(String label, double x, double y) {
    }

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"};

    private SvgCharts() {
    }

    static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** A scatter of {@code points} (x, y) with axis titles; each point in its palette colour and labelled. */
    static String scatter(String title, String xTitle, String yTitle, List<Point> points) {
        int w = 720;
        int h = 420;
        int left = 70;
        int right = 30;
        int top = 40;
        int bottom = 60;
        double[] xr = range(points.stream().mapToDouble(Point::x).filter(v -> !Double.isNaN(v)).toArray());
        double[] yr = range(points.stream().mapToDouble(Point::y).filter(v -> !Double.isNaN(v)).toArray());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", w, h, w, h, esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" class=\"title\">%s</text>%n", left, esc(title)));
        int pw = w - left - right;
        int ph = h - top - bottom;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>%n",
                left, top, pw, ph));
        for (double t : ticks(xr)) {
            double x = left + pw * (t - xr[0]) / (xr[1] - xr[0]);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>%n", x, top, x,
                    top + ph, x, top + ph + 16, num(t)));
        }
        for (double t : ticks(yr)) {
            double y = top + ph - ph * (t - yr[0]) / (yr[1] - yr[0]);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>%n", left, y, left + pw,
                    y, left - 6, y + 4, num(t)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s</text>%n",
                left + pw / 2, h - 18, esc(xTitle)));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" class=\"axis\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %d)\">%s</text>%n", top + ph / 2, top + ph / 2, esc(yTitle)));
        List<double[]> placed = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (Double.isNaN(p.x()) || Double.isNaN(p.y())) {
                continue;
            }
            double x = left + pw * (p.x() - xr[0]) / (xr[1] - xr[0]);
            double y = top + ph - ph * (p.y() - yr[0]) / (yr[1] - yr[0]);
            boolean leftSide = x > left + pw * 0.75;
            double textW = 6.2 * p.label().length();
            double x0 = leftSide ? x - 8 - textW : x + 8;
            double ly = labelY(placed, x0, x0 + textW, y);
            placed.add(new double[] {x0, x0 + textW, ly});
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\"><title>%s: %s, "
                    + "%s</title></circle><text x=\"%.1f\" y=\"%.1f\" class=\"label\" text-anchor=\"%s\" fill=\"%s\">"
                    + "%s</text>%n", x, y, color(i), esc(p.label()), num(p.x()), num(p.y()), leftSide ? x - 8 : x + 8, ly,
                    leftSide ? "end" : "start", color(i), esc(p.label())));
        }
        return sb.append("</svg>\n").toString();
    }

    /**
     * The baseline of a label for a point at height {@code y}: just above it, or the nearest of the alternating
     * offsets below/above where it does not overlap a label placed before (horizontal extent {@code x0..x1}).
     */
    static double labelY(List<double[]> placed, double x0, double x1, double y) {
        for (int k = 0; k < 40; k++) {
            double off = k == 0 ? -6 : (k % 2 == 1 ? 16 + 12 * (k / 2) : -6 - 12 * (k / 2));
            double cand = y + off;
            boolean clash = false;
            for (double[] b : placed) {
                if (x0 < b[1] && b[0] < x1 && Math.abs(cand - b[2]) < 12) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                return cand;
            }
        }
        return y - 6;
    }

    /** Horizontal bars, one per point (its x is the value; NaN draws "n/a"), scaled to the largest value. */
    static String bars(String title, String unit, List<Point> points) {
        int rowH = 22;
        int left = 190;
        int barW = 430;
        int w = left + barW + 110;
        int h = 40 + rowH * points.size() + 10;
        double max = points.stream().mapToDouble(Point::x).filter(v -> !Double.isNaN(v)).max().orElse(1);
        max = max <= 0 ? 1 : max;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", w, h, w, h, esc(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"22\" class=\"title\">%s</text>%n", esc(title)));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            int y = 36 + i * rowH;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>",
                    left - 8, y + 14, esc(p.label())));
            if (Double.isNaN(p.x())) {
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\">n/a</text>%n", left + 4,
                        y + 14));
                continue;
            }
            double bw = Math.max(1, barW * p.x() / max);
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                    + "<title>%s: %s %s</title></rect><text x=\"%.1f\" y=\"%d\" class=\"tick\">%s%s</text>%n", left, y + 2,
                    bw, rowH - 6, color(i), esc(p.label()), num(p.x()), esc(unit), left + bw + 6, y + 14, num(p.x()),
                    unit.isEmpty() ? "" : " " + esc(unit)));
        }
        return sb.append("</svg>\n").toString();
    }

    /** [lo, hi] padded by 8 % (a single value or an empty set gets a unit range). */
    static double[] range(double[] v) {
        if (v.length == 0) {
            return new double[] {0, 1};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(1, Math.abs(hi) * 0.05);
        return new double[] {lo - pad, hi + pad};
    }

    /** About five round tick values inside [lo, hi]. */
    static double[] ticks(double[] r) {
        double span = r[1] - r[0];
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * (raw / mag < 1.5 ? 1 : raw / mag < 3.5 ? 2 : raw / mag < 7.5 ? 5 : 10);
        double first = Math.ceil(r[0] / step) * step;
        int n = (int) Math.floor((r[1] - first) / step) + 1;
        double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = first + i * step;
        }
        return t;
    }

    /** A number as text: grouped integers, or up to two decimals. */
    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(Locale.ROOT, "%,d", (long) Math.rint(v));
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
