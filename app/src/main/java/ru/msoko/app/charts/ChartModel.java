package ru.msoko.app.charts;

import java.util.ArrayList;
import java.util.List;
import ru.msoko.app.web.RussianFormat;

/**
 * What the browser draws a chart from (static/js/charts.js renders it with ECharts) and what the page's data
 * table, the JSON endpoint and the xlsx download show: the same numbers, computed once on the server.
 *
 * @param kind        which drawing: {@code profile}, {@code histogram}, {@code journal}, {@code interval},
 *                    {@code zones}, {@code trend}
 * @param title       the chart's title, also its accessible name
 * @param description one sentence saying what the chart shows, for screen readers (aria-description)
 * @param xTitle      the horizontal axis title ("" for none)
 * @param yTitle      the vertical axis title ("" for none)
 * @param percent     whether the values are shares 0–1 drawn as per cent
 * @param categories  the category axis: task numbers, scores, years, or the rows of a bar chart
 * @param series      the drawn series, in legend order
 * @param marks       vertical lines: mark thresholds (at a category index) or a group mean (at a value)
 * @param table       the data table under the chart, and the xlsx download
 * @param file        the download name without extension (school code and what the chart shows)
 */
public record ChartModel(String kind, String title, String description, String xTitle, String yTitle, boolean percent,
                         List<String> categories, List<Series> series, List<Mark> marks, Table table, String file) {

    /** Colours with at least 4.5:1 contrast on white (WCAG AA for text, more than the 3:1 graphics need). */
    public static final String SCHOOL = "#1f5fbf";
    public static final String REGION = "#5f6b7a";
    public static final String ALERT = "#b42318";
    public static final String DARK = "#111827";
    public static final String AMBER = "#a14a05";

    /** No chart: the sign has no drawable evidence. */
    public static final ChartModel NONE = new ChartModel("", "", "", "", "", false, List.of(), List.of(), List.of(),
            new Table(List.of(), List.of()), "");

    /**
     * A drawn series.
     *
     * @param type    {@code bar}, {@code line}, {@code range} (an interval: the two values are its ends) or
     *                {@code point}
     * @param values  one per category; null where there is no value (a suppressed small group)
     * @param colours one colour per value when the bars differ (the zone history), else empty
     * @param labels  a text per value written on the bar (the zone word), else empty
     */
    public record Series(String name, String type, String colour, List<Double> values, List<String> colours,
                         List<String> labels) {
        public static Series of(String name, String type, String colour, List<Double> values) {
            return new Series(name, type, colour, values, List.of(), List.of());
        }
    }

    /** A vertical line at a category index (a mark threshold) or at a value (the group's mean). */
    public record Mark(String label, double at, String colour) {
    }

    /** How a column's values are written: as text, a whole number, one decimal, or a share as per cent. */
    public enum Format {
        TEXT, INTEGER, DECIMAL, PERCENT
    }

    public record Column(String title, Format format) {
    }

    /** The data table: numbers stay numbers (null for none) so that the xlsx has numeric cells. */
    public record Table(List<Column> columns, List<List<Object>> rows) {

        /** The table as the page shows it: Russian decimal comma, «—» for a missing value. */
        public List<List<String>> text() {
            List<List<String>> out = new ArrayList<>();
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    cells.add(cell(row.get(c), columns.get(c).format()));
                }
                out.add(cells);
            }
            return out;
        }

        public List<String> header() {
            return columns.stream().map(Column::title).toList();
        }
    }

    private static final RussianFormat FMT = new RussianFormat();

    /** «90,0 %», «6,5», «12», or the text itself. */
    static String cell(Object v, Format format) {
        if (v == null) {
            return "—";
        }
        if (!(v instanceof Number n)) {
            return v.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "—";
        }
        return switch (format) {
            case INTEGER -> FMT.integer(Math.round(d));
            case PERCENT -> FMT.decimal(d * 100) + "\u00A0%";
            default -> FMT.decimal(d);
        };
    }

    public boolean present() {
        return !kind.isEmpty();
    }

    /**
     * The same chart under a download name made of its parts: letters and digits kept, anything else (spaces,
     * slashes, brackets that a file or an xlsx sheet name cannot hold) turned into «-».
     */
    public ChartModel named(Object... parts) {
        String name = String.join("-", java.util.Arrays.stream(parts).map(String::valueOf).toList())
                .replaceAll("[^\\p{L}\\p{N}_]+", "-").replaceAll("^-|-$", "");
        return new ChartModel(kind, title, description, xTitle, yTitle, percent, categories, series, marks, table, name);
    }
}
