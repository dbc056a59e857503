package ru.msoko.app.objectivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.app.charts.ChartModel;
import ru.msoko.app.charts.ChartModel.Column;
import ru.msoko.app.charts.ChartModel.Format;
import ru.msoko.app.charts.ChartModel.Mark;
import ru.msoko.app.charts.ChartModel.Series;
import ru.msoko.app.charts.ChartModel.Table;

/**
 * The one place that reads the evidence stored with a sign and turns it into a chart: the task profile of the
 * school against the region (A.2), the score histogram with the mark thresholds and the expected curve (A.5), the
 * journal comparison (A.3), the confidence interval against the group (B.1), and the school's zone per year. The
 * browser draws the {@link ChartModel} with ECharts (static/js/charts.js); the page shows its data table.
 */
final class EvidenceChart {

    private static final String SCHOOL = ChartModel.SCHOOL;
    private static final String REGION = ChartModel.REGION;
    private static final String THRESHOLD = ChartModel.ALERT;
    private static final String EXPECTED = ChartModel.DARK;
    private static final String LOWER = ChartModel.AMBER;

    /** The chart and its table; {@link #NONE} when the sign has no chart. */
    record Chart(ChartModel model) {
        static final Chart NONE = new Chart(ChartModel.NONE);

        public boolean present() {
            return model.present();
        }

        public List<String> header() {
            return model.table().header();
        }

        public List<List<String>> rows() {
            return model.table().text();
        }
    }

    private EvidenceChart() {
    }

    static Map<String, String> parse(String evidence) {
        Map<String, String> m = new LinkedHashMap<>();
        if (evidence == null) {
            return m;
        }
        for (String part : evidence.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return m;
    }

    static Chart of(String sign, String evidence) {
        Map<String, String> e = parse(evidence);
        try {
            return new Chart(switch (sign) {
                case "HARD_BETTER_THAN_EASY" -> profile(e);
                case "THRESHOLD_HEAPING" -> e.containsKey("гистограмма") ? histogram(e) : ChartModel.NONE;
                case "JOURNAL_INFLATED", "JOURNAL_DEFLATED" -> journal(e);
                case "OUTLIER_MEAN" -> e.keySet().containsAll(List.of("среднее", "ди_низ", "ди_верх", "группа"))
                        ? interval(e) : ChartModel.NONE;
                default -> ChartModel.NONE;
            });
        } catch (NumberFormatException broken) {
            return Chart.NONE; // evidence of an older method version without the numbers: no chart rather than an error
        }
    }

    private static double[] numbers(String text) {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.trim().split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = parts[i].isEmpty() ? Double.NaN : Double.parseDouble(parts[i]);
        }
        return v;
    }

    private static Double value(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static List<Double> values(double... v) {
        return Arrays.stream(v).mapToObj(EvidenceChart::value).toList();
    }

    private static Table table(List<Column> columns, List<List<Object>> rows) {
        return new Table(columns, rows);
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** Solve rate per task, school and region, tasks ordered from the easiest to the hardest in the region. */
    private static ChartModel profile(Map<String, String> e) {
        String[] tasks = e.getOrDefault("задания", "").split(" ");
        double[] school = numbers(e.get("решаемость_ОО"));
        double[] region = numbers(e.get("решаемость_региона"));
        if (school.length != region.length || school.length != tasks.length || school.length < 2) {
            return ChartModel.NONE;
        }
        Integer[] order = new Integer[tasks.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(region[b], region[a]));
        List<String> categories = new ArrayList<>();
        double[] s = new double[order.length];
        double[] r = new double[order.length];
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            categories.add(tasks[i]);
            s[k] = school[i];
            r[k] = region[i];
            rows.add(row(tasks[i], value(school[i]), value(region[i])));
        }
        return new ChartModel("profile", "Решаемость заданий: ОО и регион (от лёгких к трудным)",
                "Доля выполнения каждого из " + tasks.length + " заданий в школе и в регионе; задания упорядочены от "
                        + "самого лёгкого в регионе к самому трудному. Признак: в школе трудные задания решают лучше лёгких.",
                "Задание (от лёгких к трудным)", "Решаемость", true, categories,
                List.of(Series.of("ОО", "line", SCHOOL, values(s)), Series.of("регион", "line", REGION, values(r))),
                List.of(), table(List.of(new Column("Задание", Format.TEXT), new Column("ОО", Format.PERCENT),
                        new Column("Регион", Format.PERCENT)), rows), "");
    }

    /**
     * The school's primary-score histogram with the mark thresholds and, when the evidence carries it, the
     * expected curve: the counts the school would have at each score if it were distributed like the reference
     * schools of its result level (methods.md A.5).
     */
    private static ChartModel histogram(Map<String, String> e) {
        double[] h = numbers(e.get("гистограмма"));
        double[] expected = numbers(e.get("ожидаемо"));
        boolean curve = expected.length == h.length;
        List<Mark> marks = new ArrayList<>();
        Matcher m = Pattern.compile("от (\\d+)").matcher(e.getOrDefault("шкала", ""));
        while (m.find()) {
            marks.add(new Mark("«" + (marks.size() + 3) + "» от " + m.group(1), Integer.parseInt(m.group(1)), THRESHOLD));
        }
        List<String> scores = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        long works = 0;
        for (int j = 0; j < h.length; j++) {
            scores.add(String.valueOf(j));
            works += Math.round(h[j]);
            rows.add(curve ? row(String.valueOf(j), value(h[j]), value(expected[j])) : row(String.valueOf(j), value(h[j])));
        }
        List<Series> series = new ArrayList<>(List.of(Series.of("работ в ОО", "bar", SCHOOL, values(h))));
        List<Column> columns = new ArrayList<>(List.of(new Column("Балл", Format.TEXT), new Column("Работ", Format.INTEGER)));
        if (curve) {
            series.add(Series.of("ожидалось бы по ОО того же уровня", "line", EXPECTED, values(expected)));
            columns.add(new Column("Ожидалось", Format.DECIMAL));
        }
        String bounds = String.join(", ", marks.stream().map(Mark::label).toList());
        return new ChartModel("histogram", "Первичные баллы участников ОО и границы отметок",
                "Число работ ОО с каждым первичным баллом (всего " + works + ")"
                        + (bounds.isEmpty() ? "" : "; вертикальные линии — границы отметок: " + bounds)
                        + (curve ? "; линия «ожидалось бы по ОО того же уровня» — сколько работ было бы у школы на каждом "
                        + "балле, если бы они распределились как у школ того же уровня результатов." : "."),
                "Первичный балл", "Работ", false, scores, series, marks, table(columns, rows), "");
    }

    /** Fill, border and text colour of each zone, as the risk page's badges have them (app.css .zone-*). */
    static final Map<String, String[]> ZONE_COLOURS = Map.of(
            "red", new String[] {"#fde2e1", "#e59a97", "#8a1c17"},
            "yellow", new String[] {"#fff4cc", "#e6cf73", "#6b5300"},
            "green", new String[] {"#e3f4e6", "#94c99d", "#1d5b28"},
            "insufficient_data", new String[] {"#eef0f3", "#c9ced6", "#4a5260"});

    /**
     * The school's zone per year: one coloured bar per year, labelled with the zone word.
     *
     * @param past the zones of the earlier years as stored in {@code analysis_risk.history}, e.g. {@code 2024:green|2025:red}
     */
    static Chart zones(String past, int year, String zone) {
        List<String[]> years = new ArrayList<>();
        for (String part : past == null ? new String[0] : past.split("\\|")) {
            String[] yz = part.split(":");
            if (yz.length == 2) {
                years.add(yz);
            }
        }
        years.add(new String[] {String.valueOf(year), zone});
        List<String> categories = new ArrayList<>();
        List<Double> ones = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (String[] yz : years) {
            String word = zoneWord(yz[1]);
            categories.add(yz[0]);
            ones.add(1.0);
            fills.add(ZONE_COLOURS.getOrDefault(yz[1], ZONE_COLOURS.get("insufficient_data"))[0]);
            words.add(word);
            rows.add(row(yz[0], word));
        }
        String said = String.join(", ", rows.stream().map(r -> r.get(0) + " — " + r.get(1)).toList());
        return new Chart(new ChartModel("zones", "Зона риска ОО по годам", "Зона риска школы по годам: " + said + ".", "", "",
                false, categories, List.of(new Series("зона", "bar", "#c9ced6", ones, fills, words)), List.of(),
                table(List.of(new Column("Год", Format.TEXT), new Column("Зона", Format.TEXT)), rows), ""));
    }

    /** «red» → «красная», «insufficient_data» → «недостаточно данных». */
    static String zoneWord(String code) {
        return Arrays.stream(ru.msoko.core.objectivity.Zone.values()).filter(z -> z.code().equals(code))
                .map(z -> z.label().replace(" зона", "")).findFirst().orElse(code);
    }

    /** «Понизили / подтвердили / повысили»: the school's shares against the region's. */
    private static ChartModel journal(Map<String, String> e) {
        double down = Double.parseDouble(e.getOrDefault("понизили", "0"));
        double same = Double.parseDouble(e.getOrDefault("подтвердили", "0"));
        double up = Double.parseDouble(e.getOrDefault("повысили", "0"));
        double n = down + same + up;
        if (n <= 0) {
            return ChartModel.NONE;
        }
        double[] school = {down / n, same / n, up / n};
        double[] region = {Double.parseDouble(e.getOrDefault("регион_понизили", "0")),
                Double.parseDouble(e.getOrDefault("регион_подтвердили", "0")),
                Double.parseDouble(e.getOrDefault("регион_повысили", "0"))};
        String[] labels = {"понизили (ВПР ниже журнала)", "подтвердили", "повысили (ВПР выше журнала)"};
        String[] colours = {LOWER, REGION, THRESHOLD};
        List<Series> series = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            series.add(Series.of(labels[i], "bar", colours[i], values(school[i], region[i])));
            rows.add(row(labels[i], school[i], region[i]));
        }
        return new ChartModel("journal", "Отметка за работу против отметки по журналу",
                "Доли участников, у которых отметка за ВПР ниже, равна или выше отметки по журналу, в школе ("
                        + Math.round(n) + " участников) и в регионе.",
                "Доля участников", "", true, List.of("ОО", "регион"), series, List.of(),
                table(List.of(new Column("Группа", Format.TEXT), new Column("ОО", Format.PERCENT),
                        new Column("Регион", Format.PERCENT)), rows), "");
    }

    /** The school's confidence interval and shrunken mean against the mean of its comparison group (B.1). */
    private static ChartModel interval(Map<String, String> e) {
        double mean = Double.parseDouble(e.get("среднее"));
        double low = Double.parseDouble(e.get("ди_низ"));
        double high = Double.parseDouble(e.get("ди_верх"));
        double shrunk = Double.parseDouble(e.getOrDefault("сжатое", e.get("среднее")));
        double group = Double.parseDouble(e.get("группа"));
        String about = e.getOrDefault("группа_описание", "");
        List<List<Object>> rows = List.of(row("среднее ОО", mean), row("нижняя граница ДИ", low),
                row("верхняя граница ДИ", high), row("с поправкой на малую выборку", shrunk),
                row("среднее группы", group), row("группа", about));
        return new ChartModel("interval", "Средний результат ОО с доверительным интервалом и среднее группы сопоставимых ОО",
                "Средний балл школы и его доверительный интервал, среднее с поправкой на малую выборку и вертикальная линия — "
                        + "среднее группы сопоставимых школ" + (about.isEmpty() ? "" : " (" + about + ")") + ".",
                "Средний балл", "", false, List.of("ОО", "с поправкой на малую выборку"),
                List.of(Series.of("доверительный интервал ОО", "range", SCHOOL, values(low, high)),
                        Series.of("среднее ОО", "point", SCHOOL, Arrays.asList(mean, null)),
                        Series.of("с поправкой на малую выборку", "point", EXPECTED, Arrays.asList(null, shrunk))),
                List.of(new Mark("среднее группы", group, THRESHOLD)),
                table(List.of(new Column("Показатель", Format.TEXT), new Column("Значение", Format.DECIMAL)), rows), "");
    }
}
