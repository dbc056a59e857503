package ru.msoko.app.objectivity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws the evidence of a sign as a small inline SVG from the numbers stored with it: the task profile of
 * the school against the region (A.2), the score histogram with the mark thresholds (A.5), the journal
 * comparison (A.3). Server-side SVG needs no script and no external library, so it works offline and under
 * the strict content-security policy. Every chart comes with its data table.
 */
final class EvidenceChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int PAD = 36;

    /** The chart and its table; both empty when the sign has no chart. */
    record Chart(String svg, List<String> header, List<List<String>> rows) {
        static final Chart NONE = new Chart("", List.of(), List.of());

        public boolean present() {
            return !svg.isEmpty();
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
        return switch (sign) {
            case "HARD_BETTER_THAN_EASY" -> profile(e);
            case "THRESHOLD_HEAPING" -> e.containsKey("гистограмма") ? histogram(e) : Chart.NONE;
            case "JOURNAL_INFLATED", "JOURNAL_DEFLATED" -> journal(e);
            case "OUTLIER_MEAN" -> e.containsKey("ди_низ") ? interval(e) : Chart.NONE;
            default -> Chart.NONE;
        };
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

    /** Solve rate per task, school and region, tasks ordered from the easiest to the hardest in the region. */
    private static Chart profile(Map<String, String> e) {
        String[] tasks = e.getOrDefault("задания", "").split(" ");
        double[] school = numbers(e.get("решаемость_ОО"));
        double[] region = numbers(e.get("решаемость_региона"));
        if (school.length != region.length || school.length != tasks.length || school.length < 2) {
            return Chart.NONE;
        }
        Integer[] order = new Integer[tasks.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(region[b], region[a]));
        StringBuilder svg = frame("Решаемость заданий: ОО и регион (от лёгких к трудным)");
        StringBuilder ps = new StringBuilder();
        StringBuilder pr = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            double x = x(k, order.length);
            ps.append(fmt(x)).append(',').append(fmt(y(school[i]))).append(' ');
            pr.append(fmt(x)).append(',').append(fmt(y(region[i]))).append(' ');
            svg.append(text(x, HEIGHT - PAD + 14, tasks[i], "middle"));
            rows.add(List.of(tasks[i], pct(school[i]), pct(region[i])));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#9aa3b2\" stroke-width=\"2\" points=\"").append(pr).append("\"/>");
        svg.append("<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"").append(ps).append("\"/>");
        svg.append(legend("ОО", "#c0392b", 0)).append(legend("регион", "#9aa3b2", 1));
        return new Chart(svg.append("</svg>").toString(), List.of("Задание", "ОО", "Регион"), rows);
    }

    /**
     * The school's primary-score histogram with the mark thresholds and, when the evidence carries it, the
     * expected curve: the counts the school would have at each score if it were distributed like the reference
     * schools of its result level (methods.md A.5).
     */
    private static Chart histogram(Map<String, String> e) {
        double[] h = numbers(e.get("гистограмма"));
        double[] expected = numbers(e.get("ожидаемо"));
        boolean curve = expected.length == h.length;
        List<Integer> thresholds = new ArrayList<>();
        Matcher m = Pattern.compile("от (\\d+)").matcher(e.getOrDefault("шкала", ""));
        while (m.find()) {
            thresholds.add(Integer.parseInt(m.group(1)));
        }
        double max = 1;
        for (int j = 0; j < h.length; j++) {
            max = Math.max(max, Math.max(h[j], curve ? expected[j] : 0));
        }
        StringBuilder svg = frame("Первичные баллы участников ОО; линии — границы отметок «3», «4», «5»");
        double w = (WIDTH - 2.0 * PAD) / h.length;
        List<List<String>> rows = new ArrayList<>();
        StringBuilder points = new StringBuilder();
        for (int j = 0; j < h.length; j++) {
            double bh = (HEIGHT - 2.0 * PAD) * h[j] / max;
            svg.append("<rect x=\"").append(fmt(PAD + j * w + 1)).append("\" y=\"").append(fmt(HEIGHT - PAD - bh))
                    .append("\" width=\"").append(fmt(Math.max(1, w - 2))).append("\" height=\"").append(fmt(bh))
                    .append("\" fill=\"#5b8def\"/>");
            if (h.length <= 40 || j % 5 == 0) {
                svg.append(text(PAD + j * w + w / 2, HEIGHT - PAD + 14, String.valueOf(j), "middle"));
            }
            if (curve) {
                points.append(fmt(PAD + j * w + w / 2)).append(',')
                        .append(fmt(HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * expected[j] / max)).append(' ');
                rows.add(List.of(String.valueOf(j), String.valueOf((long) h[j]), number(expected[j])));
            } else {
                rows.add(List.of(String.valueOf(j), String.valueOf((long) h[j])));
            }
        }
        for (int k = 0; k < thresholds.size(); k++) {
            double x = PAD + thresholds.get(k) * w;
            svg.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"").append(PAD)
                    .append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>")
                    .append(text(x + 3, PAD + 10, "«" + (k + 3) + "»", "start"));
        }
        if (!curve) {
            return new Chart(svg.append("</svg>").toString(), List.of("Балл", "Работ"), rows);
        }
        svg.append("<polyline fill=\"none\" stroke=\"#2c3e50\" stroke-width=\"2\" points=\"").append(points.toString().trim())
                .append("\"/>")
                .append(legendRow(new String[] {"работ в ОО", "ожидалось бы по ОО того же уровня", "граница отметки"},
                        new String[] {"#5b8def", "#2c3e50", "#c0392b"}));
        return new Chart(svg.append("</svg>").toString(), List.of("Балл", "Работ", "Ожидалось"), rows);
    }

    /** Fill, border and text colour of each zone, as the risk page's badges have them (app.css .zone-*). */
    private static final Map<String, String[]> ZONE_COLOURS = Map.of(
            "red", new String[] {"#fde2e1", "#e59a97", "#8a1c17"},
            "yellow", new String[] {"#fff4cc", "#e6cf73", "#6b5300"},
            "green", new String[] {"#e3f4e6", "#94c99d", "#1d5b28"},
            "insufficient_data", new String[] {"#eef0f3", "#c9ced6", "#4a5260"});

    private static final int BOX = 140;

    /**
     * The school's zone per year: one coloured box per year, labelled with the year and the zone word.
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
        int width = years.size() * BOX + 4;
        String title = "Зона риска ОО по годам";
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width
                + " 52\" width=\"" + width + "\" role=\"img\" aria-label=\"" + title + "\" class=\"chart history\">")
                .append("<title>").append(title).append("</title>");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            String word = zoneWord(years.get(i)[1]);
            String[] c = ZONE_COLOURS.getOrDefault(years.get(i)[1], ZONE_COLOURS.get("insufficient_data"));
            int x = 2 + i * BOX;
            svg.append("<rect x=\"").append(x).append("\" y=\"2\" width=\"").append(BOX - 6)
                    .append("\" height=\"48\" rx=\"4\" fill=\"").append(c[0]).append("\" stroke=\"").append(c[1]).append("\"/>")
                    .append(text(x + (BOX - 6) / 2.0, 21, years.get(i)[0], "middle").replace("fill=\"#333\"",
                            "fill=\"" + c[2] + "\" font-weight=\"bold\""))
                    .append(text(x + (BOX - 6) / 2.0, 39, word, "middle").replace("fill=\"#333\"", "fill=\"" + c[2] + "\""));
            rows.add(List.of(years.get(i)[0], word));
        }
        return new Chart(svg.append("</svg>").toString(), List.of("Год", "Зона"), rows);
    }

    /** «red» → «красная», «insufficient_data» → «недостаточно данных». */
    static String zoneWord(String code) {
        return java.util.Arrays.stream(ru.msoko.core.objectivity.Zone.values()).filter(z -> z.code().equals(code))
                .map(z -> z.label().replace(" зона", "")).findFirst().orElse(code);
    }

    /** «Понизили / подтвердили / повысили»: the school's shares against the region's. */
    private static Chart journal(Map<String, String> e) {
        double down = Double.parseDouble(e.getOrDefault("понизили", "0"));
        double same = Double.parseDouble(e.getOrDefault("подтвердили", "0"));
        double up = Double.parseDouble(e.getOrDefault("повысили", "0"));
        double n = down + same + up;
        double[] school = {down / n, same / n, up / n};
        double[] region = {Double.parseDouble(e.getOrDefault("регион_понизили", "0")),
                Double.parseDouble(e.getOrDefault("регион_подтвердили", "0")),
                Double.parseDouble(e.getOrDefault("регион_повысили", "0"))};
        String[] labels = {"понизили (ВПР ниже журнала)", "подтвердили", "повысили (ВПР выше журнала)"};
        String[] colours = {"#e08e0b", "#9aa3b2", "#c0392b"};
        StringBuilder svg = frame("Отметка за работу против отметки по журналу");
        bar(svg, "ОО", school, colours, 90);
        bar(svg, "регион", region, colours, 140);
        for (int i = 0; i < 3; i++) {
            svg.append(legend(labels[i], colours[i], i));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(List.of(labels[i], pct(school[i]), pct(region[i])));
        }
        return new Chart(svg.append("</svg>").toString(), List.of("Группа", "ОО", "Регион"), rows);
    }

    /** The school's confidence interval and shrunken mean against the mean of its comparison group (B.1). */
    private static Chart interval(Map<String, String> e) {
        double mean = Double.parseDouble(e.get("среднее"));
        double low = Double.parseDouble(e.get("ди_низ"));
        double high = Double.parseDouble(e.get("ди_верх"));
        double shrunk = Double.parseDouble(e.getOrDefault("сжатое", e.get("среднее")));
        double group = Double.parseDouble(e.get("группа"));
        double from = Math.min(low, group);
        double to = Math.max(high, group);
        double margin = Math.max(1e-9, (to - from) * 0.15);
        from -= margin;
        to += margin;
        StringBuilder svg = frame("Средний результат ОО с доверительным интервалом и среднее группы сопоставимых ОО");
        double y = HEIGHT / 2.0;
        svg.append(scaleLine(from, to, low, high, y, "#5b8def"))
                .append(dot(position(mean, from, to), y, "#5b8def"))
                .append(dot(position(shrunk, from, to), y + 24, "#2c3e50"))
                .append("<line x1=\"").append(fmt(position(group, from, to))).append("\" x2=\"")
                .append(fmt(position(group, from, to))).append("\" y1=\"").append(PAD + 20).append("\" y2=\"")
                .append(HEIGHT - PAD).append("\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>")
                .append(legend("ОО и её интервал", "#5b8def", 0)).append(legend("с поправкой на малую выборку", "#2c3e50", 1))
                .append(legend("среднее группы", "#c0392b", 2));
        for (double v : new double[] {from, (from + to) / 2, to}) {
            svg.append(text(position(v, from, to), HEIGHT - PAD + 14, String.format(Locale.forLanguageTag("ru-RU"), "%.1f", v),
                    "middle"));
        }
        List<List<String>> rows = List.of(List.of("среднее ОО", number(mean)), List.of("нижняя граница ДИ", number(low)),
                List.of("верхняя граница ДИ", number(high)), List.of("с поправкой на малую выборку", number(shrunk)),
                List.of("среднее группы", number(group)), List.of("группа", e.getOrDefault("группа_описание", "")));
        return new Chart(svg.append("</svg>").toString(), List.of("Показатель", "Значение"), rows);
    }

    private static double position(double v, double from, double to) {
        return PAD + (WIDTH - 2.0 * PAD) * (v - from) / (to - from);
    }

    private static String scaleLine(double from, double to, double low, double high, double y, String colour) {
        return "<line x1=\"" + fmt(position(low, from, to)) + "\" x2=\"" + fmt(position(high, from, to)) + "\" y1=\""
                + fmt(y) + "\" y2=\"" + fmt(y) + "\" stroke=\"" + colour + "\" stroke-width=\"4\"/>";
    }

    private static String dot(double x, double y, String colour) {
        return "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"6\" fill=\"" + colour + "\"/>";
    }

    private static String number(double v) {
        return String.format(Locale.forLanguageTag("ru-RU"), "%.1f", v);
    }

    private static void bar(StringBuilder svg, String label, double[] shares, String[] colours, int y) {
        double x = PAD + 60;
        double width = WIDTH - 2.0 * PAD - 60;
        svg.append(text(PAD, y + 18, label, "start"));
        for (int i = 0; i < shares.length; i++) {
            double w = width * shares[i];
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y).append("\" width=\"").append(fmt(w))
                    .append("\" height=\"28\" fill=\"").append(colours[i]).append("\"/>");
            if (shares[i] >= 0.06) {
                svg.append("<text x=\"").append(fmt(x + w / 2)).append("\" y=\"").append(y + 19)
                        .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\">").append(pct(shares[i])).append("</text>");
            }
            x += w;
        }
    }

    private static StringBuilder frame(String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + HtmlUtils.htmlEscape(title) + "\" class=\"chart\">")
                .append("<title>").append(HtmlUtils.htmlEscape(title)).append("</title>")
                .append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"")
                .append(WIDTH - PAD).append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#ccd\"/>")
                .append(text(PAD, 16, title, "start"));
    }

    private static String legend(String label, String colour, int index) {
        int x = WIDTH - PAD - 210;
        int y = 30 + index * 16;
        return "<rect x=\"" + x + "\" y=\"" + (y - 9) + "\" width=\"10\" height=\"10\" fill=\"" + colour + "\"/>"
                + text(x + 14, y, label, "start");
    }

    /**
     * A legend in one row between the title and the plot, where it cannot cover the bars or the threshold labels
     * at the top of the plot (about 6.5 units per character at font size 11).
     */
    private static String legendRow(String[] labels, String[] colours) {
        StringBuilder sb = new StringBuilder();
        double x = PAD;
        for (int i = 0; i < labels.length; i++) {
            sb.append("<rect x=\"").append(fmt(x)).append("\" y=\"21\" width=\"10\" height=\"10\" fill=\"")
                    .append(colours[i]).append("\"/>").append(text(x + 14, 30, labels[i], "start"));
            x += 14 + labels[i].length() * 6.5 + 16;
        }
        return sb.toString();
    }

    private static String text(double x, double y, String s, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"11\" fill=\"#333\">"
                + HtmlUtils.htmlEscape(s) + "</text>";
    }

    private static double x(int k, int n) {
        return PAD + (WIDTH - 2.0 * PAD) * (n == 1 ? 0.5 : (double) k / (n - 1));
    }

    private static double y(double share) {
        return HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * Math.max(0, Math.min(1, share));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.forLanguageTag("ru-RU"), "%.1f %%", share * 100);
    }
}
