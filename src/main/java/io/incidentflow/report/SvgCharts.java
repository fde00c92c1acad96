package io.incidentflow.report;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Inline SVG charts drawn on the server: no script, no chart library, nothing fetched by the browser. Every
 * label is HTML-escaped, since category names and dedup keys come from outside.
 */
final class SvgCharts {

    /** One coloured series; a null value is a gap (no incident got there that week). */
    record Series(String name, String color, List<Double> values) {
    }

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 40;
    private static final int TOP = 24;

    private SvgCharts() {
    }

    /** Stacked bars, one per label. */
    static String stackedBars(String title, List<String> labels, List<Series> series) {
        double max = 0;
        for (int i = 0; i < labels.size(); i++) {
            double sum = 0;
            for (Series s : series) {
                sum += value(s, i);
            }
            max = Math.max(max, sum);
        }
        StringBuilder svg = open(title);
        axes(svg, labels, max);
        double slot = plotWidth() / Math.max(1, labels.size());
        for (int i = 0; i < labels.size(); i++) {
            double base = 0;
            for (Series s : series) {
                double v = value(s, i);
                if (v > 0) {
                    double y = y(base + v, max);
                    double h = y(base, max) - y;
                    svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                                    + "<title>%s %s: %s</title></rect>",
                            LEFT + i * slot + slot * 0.15, y, slot * 0.7, h, s.color(), esc(labels.get(i)),
                            esc(s.name()), number(v)));
                }
                base += v;
            }
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    /** Lines through the weeks' values, broken where a week has none. */
    static String lines(String title, List<String> labels, List<Series> series) {
        double max = 0;
        for (Series s : series) {
            for (Double v : s.values()) {
                max = v == null ? max : Math.max(max, v);
            }
        }
        StringBuilder svg = open(title);
        axes(svg, labels, max);
        double slot = plotWidth() / Math.max(1, labels.size());
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < labels.size(); i++) {
                Double v = i < s.values().size() ? s.values().get(i) : null;
                double x = LEFT + i * slot + slot / 2;
                if (v == null) {
                    polyline(svg, points, s.color());
                    points.setLength(0);
                    continue;
                }
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(v, max)));
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %s</title></circle>",
                        x, y(v, max), s.color(), esc(labels.get(i)), esc(s.name()), number(v)));
            }
            polyline(svg, points, s.color());
        }
        legend(svg, series);
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                        + " class=\"chart\">",
                WIDTH, HEIGHT, esc(title)));
    }

    private static void axes(StringBuilder svg, List<String> labels, double max) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", LEFT, bottom, WIDTH - 8, bottom));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", LEFT, TOP, LEFT, bottom));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">%s</text>", LEFT - 4, TOP + 4,
                number(max)));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"11\">0</text>", LEFT - 4, bottom));
        double slot = plotWidth() / Math.max(1, labels.size());
        int every = Math.max(1, labels.size() / 12);
        for (int i = 0; i < labels.size(); i += every) {
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%s</text>",
                    LEFT + i * slot + slot / 2, bottom + 14, esc(labels.get(i))));
        }
    }

    private static void legend(StringBuilder svg, List<Series> series) {
        int x = LEFT;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
                    x, HEIGHT - 14, s.color(), x + 14, HEIGHT - 5, esc(s.name())));
            x += 24 + 7 * s.name().length();
        }
    }

    private static void polyline(StringBuilder svg, StringBuilder points, String color) {
        if (!points.isEmpty()) {
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
        }
    }

    private static double value(Series series, int index) {
        Double v = index < series.values().size() ? series.values().get(index) : null;
        return v == null ? 0 : v;
    }

    private static double plotWidth() {
        return WIDTH - LEFT - 8;
    }

    private static double y(double value, double max) {
        double plot = HEIGHT - BOTTOM - TOP;
        return HEIGHT - BOTTOM - (max == 0 ? 0 : value / max * plot);
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "—" : text);
    }
}
