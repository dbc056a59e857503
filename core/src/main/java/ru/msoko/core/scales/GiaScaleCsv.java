package ru.msoko.core.scales;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.CsvTable;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.ProcedureKind;

/**
 * Reads ГИА scales (ОГЭ, ГВЭ-9, ГВЭ-11, ЕГЭ) from the canonical layout, one part of a scale per row:
 * {@code procedure, year, subject, [grade, form, variant,] entry, mark, primary_from, primary_to, test_score,
 * tasks, min_sum, source, note}. {@code entry} says what the row is:
 * <ul>
 *   <li>{@code mark} — the mark {@code mark} for primary scores {@code primary_from}–{@code primary_to};</li>
 *   <li>{@code test} — the test score {@code test_score} for the primary scores {@code primary_from}–{@code
 *       primary_to} (ЕГЭ; usually one score per row);</li>
 *   <li>{@code minimum}, {@code admission_minimum} — the minimum test score {@code test_score} (ЕГЭ), for the
 *       certificate and for university admission;</li>
 *   <li>{@code rule} — the mark {@code mark} and above need at least {@code min_sum} points for {@code tasks}
 *       (labels or ranges: {@code 15-19 23-25}, {@code ГК1-ГК4}).</li>
 * </ul>
 * The rows of one scale (procedure, year, subject, grade, form, variant) need not be together. Everything wrong
 * is a problem at the row of the band, primary score or rule concerned.
 */
public final class GiaScaleCsv {

    private static final List<String> REQUIRED = List.of("procedure", "year", "subject", "entry");
    private static final Map<String, String> ENTRIES = Map.of("mark", "mark", "отметка", "mark", "test", "test",
            "тестовый балл", "test", "minimum", "minimum", "минимум", "minimum", "admission_minimum", "admission_minimum",
            "минимум для вуза", "admission_minimum", "rule", "rule", "условие", "rule");
    private static final Pattern RANGE = Pattern.compile("^(\\D*)(\\d{1,4})[-–](\\D*)(\\d{1,4})$");

    /** What was read; the scales are valid only when there are no problems. */
    public record Summary(List<GiaScale> scales, Problems problems) {
    }

    private final Function<String, Optional<String>> subjectCodes;

    /** @param subjectCodes subject name or code → the directory's subject code */
    public GiaScaleCsv(Function<String, Optional<String>> subjectCodes) {
        this.subjectCodes = subjectCodes;
    }

    /** Whether a header (lower case) is this layout. */
    public static boolean recognises(List<String> header) {
        return header.containsAll(REQUIRED) && !header.contains("participant");
    }

    public Summary read(Path path, String fileName, int problemLimit) throws IOException {
        Problems problems = new Problems(problemLimit);
        Map<GiaScale.Key, Draft> drafts = new LinkedHashMap<>();
        try (CsvTable table = CsvTable.open(path, fileName)) {
            CsvRow row = new CsvRow(table, REQUIRED, problems);
            while (row.next()) {
                GiaScale.Key key = key(row);
                String entry = ENTRIES.get(row.text("entry").toLowerCase(Locale.ROOT));
                if (entry == null) {
                    row.fail("entry", "«" + row.text("entry") + "» — неизвестная часть шкалы: ожидается mark, test, "
                            + "minimum, admission_minimum или rule");
                }
                if (row.failed()) {
                    continue;
                }
                Draft d = drafts.computeIfAbsent(key, k -> new Draft(k, row.line()));
                d.add(entry, row);
            }
        }
        List<GiaScale> scales = new ArrayList<>();
        for (Draft d : drafts.values()) {
            d.build(fileName, problems).ifPresent(scales::add);
        }
        return new Summary(scales, problems);
    }

    private GiaScale.Key key(CsvRow row) {
        ProcedureKind kind = row.kind();
        if (kind != null && !kind.isStateExam()) {
            row.fail("procedure", "«" + row.text("procedure") + "» — не ГИА: ожидается ОГЭ, ГВЭ-9, ГВЭ-11 или ЕГЭ");
        }
        Integer year = row.integer("year");
        String subject = row.subject(subjectCodes);
        Integer grade = row.optionalInteger("grade");
        if (kind != null && kind.isStateExam()) {
            int expected = kind == ProcedureKind.OGE || kind == ProcedureKind.GVE9 ? 9 : 11;
            if (grade != null && grade != expected) {
                row.fail("grade", kind.code() + " сдают в " + expected + " классе, а указан " + grade);
            }
            grade = expected;
        }
        return row.failed() ? null : new GiaScale.Key(kind, year, subject, grade, row.text("form"), row.text("variant"));
    }

    /** The task labels of a rule: {@code 15-19 23-25} → 15…19, 23…25; {@code ГК1-ГК4} → ГК1…ГК4. */
    static List<String> tasks(String raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : raw.trim().split("[;,\\s]+")) {
            Matcher m = RANGE.matcher(token);
            int span = m.matches() ? Integer.parseInt(m.group(4)) - Integer.parseInt(m.group(2)) : -1;
            if (span >= 0 && span <= 100 && (m.group(3).isEmpty() || m.group(3).equals(m.group(1)))) {
                for (int i = Integer.parseInt(m.group(2)); i <= Integer.parseInt(m.group(4)); i++) {
                    out.add(m.group(1) + i);
                }
            } else if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return List.copyOf(out);
    }

    /** The rows of one scale read so far, with the line of each part for messages. */
    private static final class Draft {
        private final GiaScale.Key key;
        private final long firstLine;
        private final List<MarkScale.Band> bands = new ArrayList<>();
        private final Map<Integer, Long> bandLines = new HashMap<>();
        private final List<GiaScale.Point> points = new ArrayList<>();
        private final Map<Integer, Long> pointLines = new HashMap<>();
        private final List<GiaScale.Rule> rules = new ArrayList<>();
        private final Map<Integer, Long> ruleLines = new HashMap<>();
        private final Map<String, Integer> minima = new HashMap<>();
        private final Map<String, Long> minimumLines = new HashMap<>();
        private final Set<String> sources = new LinkedHashSet<>();
        private final Set<String> notes = new LinkedHashSet<>();

        Draft(GiaScale.Key key, long firstLine) {
            this.key = key;
            this.firstLine = firstLine;
        }

        void add(String entry, CsvRow row) {
            switch (entry) {
                case "mark" -> band(row);
                case "test" -> test(row);
                case "rule" -> rule(row);
                default -> minimum(entry, row);
            }
            if (!row.text("source").isEmpty()) {
                sources.add(row.text("source"));
            }
            if (!row.text("note").isEmpty()) {
                notes.add(row.text("note"));
            }
        }

        private void band(CsvRow row) {
            Integer mark = row.integer("mark");
            Integer from = row.integer("primary_from");
            Integer to = row.integer("primary_to");
            if (!row.failed()) {
                bands.add(new MarkScale.Band(mark, from, to));
                bandLines.putIfAbsent(mark, row.line());
            }
        }

        private void test(CsvRow row) {
            Integer from = row.integer("primary_from");
            Integer to = row.text("primary_to").isEmpty() ? from : row.integer("primary_to");
            Integer test = row.integer("test_score");
            if (!row.failed() && (to < from || to - from > 200)) {
                row.fail("primary_to", "первичные баллы " + from + "–" + to + ": конец меньше начала");
            }
            if (!row.failed()) {
                for (int p = from; p <= to; p++) {
                    points.add(new GiaScale.Point(p, test));
                    pointLines.putIfAbsent(p, row.line());
                }
            }
        }

        private void rule(CsvRow row) {
            Integer mark = row.integer("mark");
            Integer sum = row.integer("min_sum");
            List<String> tasks = tasks(row.text("tasks"));
            if (!row.failed()) {
                rules.add(new GiaScale.Rule(mark, tasks, sum));
                ruleLines.putIfAbsent(mark, row.line());
            }
        }

        private void minimum(String entry, CsvRow row) {
            Integer value = row.integer("test_score");
            if (!row.failed() && minima.putIfAbsent(entry, value) != null) {
                row.fail("entry", "минимальный балл этой шкалы уже указан (строка " + minimumLines.get(entry) + ")");
            }
            minimumLines.putIfAbsent(entry, row.line());
        }

        Optional<GiaScale> build(String fileName, Problems problems) {
            List<GiaScale.Issue> issues = GiaScale.check(key.kind(), bands, points, minima.get("minimum"),
                    minima.get("admission_minimum"), rules);
            for (GiaScale.Issue i : issues) {
                problems.add(where(fileName, i));
            }
            if (!issues.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GiaScale(key, bands, points, minima.get("minimum"), minima.get("admission_minimum"),
                    rules, String.join("; ", sources), String.join("; ", notes)));
        }

        private Problem where(String fileName, GiaScale.Issue i) {
            String message = "шкала " + key + ": " + i.message();
            return switch (i.part()) {
                case GiaScale.BAND -> new Problem(fileName, null, bandLines.getOrDefault(i.at(), firstLine),
                        "primary_from", message);
                case GiaScale.POINT -> new Problem(fileName, null, pointLines.getOrDefault(i.at(), firstLine),
                        "test_score", message);
                case GiaScale.RULE -> new Problem(fileName, null, ruleLines.getOrDefault(i.at(), firstLine), "tasks",
                        message);
                case GiaScale.MINIMUM -> new Problem(fileName, null, minimumLines.values().stream().findFirst()
                        .orElse(firstLine), "test_score", message);
                default -> new Problem(fileName, null, firstLine, "entry", message);
            };
        }
    }
}
