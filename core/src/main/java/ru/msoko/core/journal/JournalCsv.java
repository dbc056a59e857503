package ru.msoko.core.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.CsvTable;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.SchoolYears;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.scales.CsvRow;

/**
 * Marks from the electronic journal in the two canonical CSV layouts (data-formats §4: import journals only with
 * immediate pseudonymisation, or as aggregates by class / subject / period). Both give, in the end, the number of
 * marks 2, 3, 4 and 5 per school, school year, period, subject and class:
 * <ul>
 * <li>{@link Layout#PUPILS}: {@code school_code;year;period;class;pupil;subject;mark} — one period mark of one pupil;
 * the pupil (a full name or a code) is pseudonymised at once, only to find a pupil given twice, and never kept;
 * rows are counted into distributions;</li>
 * <li>{@link Layout#DISTRIBUTION}: {@code school_code;year;period;class;subject;n2;n3;n4;n5}.</li>
 * </ul>
 * Columns are found by meaning: Russian headers («Код ОО», «Учебный год», «Период», «Класс», «Ученик»/«ФИО»,
 * «Предмет», «Отметка», «2»…«5») are read too.
 */
public final class JournalCsv {

    /** Which of the two layouts a file is in. */
    public enum Layout { PUPILS, DISTRIBUTION }

    /** What a column means. */
    enum Meaning { SCHOOL, YEAR, PERIOD, CLASS, PUPIL, SUBJECT, MARK, N2, N3, N4, N5 }

    private static final List<Meaning> KEY = List.of(Meaning.SCHOOL, Meaning.YEAR, Meaning.PERIOD, Meaning.CLASS,
            Meaning.SUBJECT);
    private static final List<Meaning> COUNTS = List.of(Meaning.N2, Meaning.N3, Meaning.N4, Meaning.N5);
    private static final int MAX_PERIOD = 32;

    /**
     * Marks of one class in one subject and period.
     *
     * @param row the 1-based line that gave it (for per-pupil files the first pupil's line)
     * @param counts marks 2, 3, 4 and 5 in that order
     */
    public record Distribution(long row, String schoolCode, int year, String period, String subject,
                               String classLabel, int[] counts) {
        /** The key of the stored row: two distributions with the same key are the same class. */
        public String key() {
            return schoolCode + "|" + year + "|" + period + "|" + subject + "|" + classLabel;
        }
    }

    /**
     * What was read.
     *
     * @param rows data lines read
     * @param withoutMark per-pupil lines without a mark («н/а», empty): not counted
     * @param schoolColumn the header of the school column as written (for messages about unknown schools)
     * @param subjectColumn the header of the subject column as written
     */
    public record Summary(Layout layout, long rows, List<Distribution> distributions, Problems problems,
                          long withoutMark, String schoolColumn, String subjectColumn) {
    }

    private JournalCsv() {
    }

    /** The layout of a CSV header, if it is one of the two. */
    public static Optional<Layout> recognise(List<String> header) {
        Map<Meaning, String> c = columns(header);
        if (!c.keySet().containsAll(KEY)) {
            return Optional.empty();
        }
        if (c.containsKey(Meaning.PUPIL) && c.containsKey(Meaning.MARK)) {
            return Optional.of(Layout.PUPILS);
        }
        return c.keySet().containsAll(COUNTS) ? Optional.of(Layout.DISTRIBUTION) : Optional.empty();
    }

    static Map<Meaning, String> columns(List<String> header) {
        Map<Meaning, String> out = new java.util.EnumMap<>(Meaning.class);
        for (String h : header) {
            meaning(h.toLowerCase(Locale.ROOT).replace('ё', 'е').replace("\"", "").replace("«", "").replace("»", "")
                    .trim()).ifPresent(m -> out.putIfAbsent(m, h));
        }
        return out;
    }

    private static Optional<Meaning> meaning(String h) {
        Meaning m = switch (h) {
            case "school_code", "код оо", "логин", "логин оо" -> Meaning.SCHOOL;
            case "year", "учебный год", "год" -> Meaning.YEAR;
            case "period", "период" -> Meaning.PERIOD;
            case "class", "класс" -> Meaning.CLASS;
            case "pupil", "ученик", "учащийся", "фио", "ф.и.о." -> Meaning.PUPIL;
            case "subject", "предмет" -> Meaning.SUBJECT;
            case "mark", "отметка", "оценка" -> Meaning.MARK;
            case "n2", "2" -> Meaning.N2;
            case "n3", "3" -> Meaning.N3;
            case "n4", "4" -> Meaning.N4;
            case "n5", "5" -> Meaning.N5;
            default -> null;
        };
        return Optional.ofNullable(m);
    }

    /**
     * @param pseudonymizer turns {@code school|year|pupil} into a key held in memory only (per-pupil layout)
     * @throws InputException when the header is neither layout
     */
    public static Summary read(Path path, String fileName, UnaryOperator<String> pseudonymizer, int problemLimit)
            throws IOException {
        try (CsvTable table = CsvTable.open(path, fileName)) {
            Layout layout = recognise(table.header()).orElseThrow(() -> new InputException(new Problem(fileName, null, 1,
                    null, "заголовок не похож ни на отметки учеников (school_code, year, period, class, pupil, subject, "
                    + "mark), ни на распределение отметок (school_code, year, period, class, subject, n2, n3, n4, n5)")));
            Map<Meaning, String> c = columns(table.header());
            Problems problems = new Problems(problemLimit);
            CsvRow row = new CsvRow(table, List.of(), problems);
            return layout == Layout.PUPILS ? new Pupils(row, c, pseudonymizer, problems).read()
                    : distributions(row, c, problems);
        }
    }

    private static Summary distributions(CsvRow row, Map<Meaning, String> c, Problems problems) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        long rows = 0;
        while (row.next()) {
            rows++;
            Key k = key(row, c);
            int[] counts = new int[4];
            for (int i = 0; i < 4; i++) {
                Integer n = row.integer(c.get(COUNTS.get(i)));
                counts[i] = n == null ? 0 : n;
            }
            if (row.failed()) {
                continue;
            }
            Distribution d = new Distribution(row.line(), k.school, k.year, k.period, k.subject, k.classLabel, counts);
            Distribution earlier = out.putIfAbsent(d.key(), d);
            if (earlier != null) {
                row.fail(c.get(Meaning.CLASS), "класс «" + k.classLabel + "» по этому предмету и периоду уже есть в "
                        + "строке " + earlier.row());
            }
        }
        return new Summary(Layout.DISTRIBUTION, rows, List.copyOf(out.values()), problems, 0, c.get(Meaning.SCHOOL),
                c.get(Meaning.SUBJECT));
    }

    /** The columns every row of both layouts has. */
    private record Key(String school, int year, String period, String subject, String classLabel) {
    }

    private static Key key(CsvRow row, Map<Meaning, String> c) {
        String school = required(row, c.get(Meaning.SCHOOL), "код ОО");
        int year = 0;
        try {
            year = SchoolYears.endYear(row.text(c.get(Meaning.YEAR)));
        } catch (IllegalArgumentException e) {
            row.fail(c.get(Meaning.YEAR), e.getMessage());
        }
        String period = required(row, c.get(Meaning.PERIOD), "период").replaceAll("\\s+", " ");
        if (period.length() > MAX_PERIOD) {
            row.fail(c.get(Meaning.PERIOD), "период длиннее " + MAX_PERIOD + " знаков: ожидается «1 четверть», "
                    + "«2 полугодие», «год»");
        }
        String subject = required(row, c.get(Meaning.SUBJECT), "предмет");
        return new Key(school, year, period, subject, classLabel(row, c.get(Meaning.CLASS)));
    }

    private static String required(CsvRow row, String column, String what) {
        String v = row.text(column);
        if (v.isEmpty()) {
            row.fail(column, "не заполнен " + what);
        }
        return v;
    }

    /** «5А», «5 "А"», «11б» → 5А, 11Б: the class must start with its number. */
    private static String classLabel(CsvRow row, String column) {
        String v = row.text(column).replace("\"", "").replace("«", "").replace("»", "").replace(" ", "")
                .toUpperCase(Locale.ROOT);
        if (v.isEmpty() || !Character.isDigit(v.charAt(0)) || v.length() > 16) {
            row.fail(column, "класс «" + row.text(column) + "»: ожидается номер и буква, например 5А");
        }
        return v;
    }

    /** Counts per-pupil period marks into distributions; the pupil's name is hashed and dropped at once. */
    private static final class Pupils {
        private final CsvRow row;
        private final Map<Meaning, String> c;
        private final UnaryOperator<String> pseudonymizer;
        private final Problems problems;
        private final Map<String, Distribution> out = new LinkedHashMap<>();
        private final Map<String, Long> seen = new HashMap<>();

        Pupils(CsvRow row, Map<Meaning, String> c, UnaryOperator<String> pseudonymizer, Problems problems) {
            this.row = row;
            this.c = c;
            this.pseudonymizer = pseudonymizer;
            this.problems = problems;
        }

        Summary read() {
            long rows = 0;
            long withoutMark = 0;
            while (row.next()) {
                rows++;
                Key k = key(row, c);
                String pupil = required(row, c.get(Meaning.PUPIL), "ученик");
                Integer mark = mark();
                if (row.failed()) {
                    continue;
                }
                String once = pseudonymizer.apply(k.school + "|" + k.year + "|" + pupil) + "|" + k.period + "|" + k.subject;
                Long earlier = seen.putIfAbsent(once, row.line());
                if (earlier != null) {
                    row.fail(c.get(Meaning.PUPIL), "у этого ученика отметка по этому предмету за этот период уже есть "
                            + "в строке " + earlier);
                    continue;
                }
                if (mark == null) {
                    withoutMark++;
                    continue;
                }
                Distribution d = out.computeIfAbsent(k.school + "|" + k.year + "|" + k.period + "|" + k.subject + "|"
                        + k.classLabel, x -> new Distribution(row.line(), k.school, k.year, k.period, k.subject,
                        k.classLabel, new int[4]));
                d.counts()[mark - 2]++;
            }
            return new Summary(Layout.PUPILS, rows, List.copyOf(out.values()), problems, withoutMark,
                    c.get(Meaning.SCHOOL), c.get(Meaning.SUBJECT));
        }

        /** 2–5, or {@code null} for «н/а», «нет отметки», empty; 1 is outside the distribution 2–5. */
        private Integer mark() {
            String column = c.get(Meaning.MARK);
            try {
                Integer m = Values.mark(row.text(column));
                if (m != null && m < 2) {
                    row.fail(column, "отметка 1 не входит в распределение 2–5: исправьте на 2 или оставьте пустой");
                    return null;
                }
                return m;
            } catch (IllegalArgumentException e) {
                row.fail(column, e.getMessage());
                return null;
            }
        }
    }
}
