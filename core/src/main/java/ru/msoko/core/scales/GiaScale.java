package ru.msoko.core.scales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.domain.TaskScores;

/**
 * A ГИА scale (data-formats §2.3, §2.4) as published for one procedure (ОГЭ, ГВЭ-9, ГВЭ-11, ЕГЭ), year, subject,
 * grade, form (ГВЭ письменная/устная) and variant letter: the bands of the marks 2–5 with the conditions a mark
 * needs besides its band (ОГЭ Russian: points for ГК1–ГК4; ОГЭ mathematics: points for geometry), and for the
 * ЕГЭ the primary → test score table with the minimum test score (and the minimum for university admission).
 * Any part may be missing (a ЕГЭ scale may be only its minimum); a scale that cannot be applied unambiguously
 * (overlapping or missing scores, a decreasing table) cannot be built.
 *
 * @param bands the marks' primary-score bands; empty for a ЕГЭ test-score scale
 * @param table the test score of each primary score 0…max, in order; empty when there is none
 * @param minimum the minimum test score (ЕГЭ), {@code null} when not given
 * @param admissionMinimum the minimum test score for university admission, {@code null} when not given
 * @param rules the conditions of the marks, as data
 * @param source where the numbers come from
 * @param note remarks (e.g. «не проверено»)
 */
public record GiaScale(Key key, List<MarkScale.Band> bands, List<Point> table, Integer minimum,
                       Integer admissionMinimum, List<Rule> rules, String source, String note) {

    /**
     * What a scale is for. {@code form} and {@code variant} are empty when the scale is for every form / variant.
     */
    public record Key(ProcedureKind kind, int year, String subjectCode, int grade, String form, String variant) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subjectCode, "subjectCode");
            form = form == null ? "" : form.trim().toLowerCase(java.util.Locale.ROOT);
            variant = variant(variant);
        }

        /**
         * A variant as compared: trimmed, upper case, Latin look-alikes as Cyrillic letters (data-formats §2.3
         * writes the ГВЭ letters «A», «C» in Latin and «К» in Cyrillic).
         */
        public static String variant(String raw) {
            if (raw == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            for (char ch : raw.trim().toUpperCase(java.util.Locale.ROOT).toCharArray()) {
                int i = LATIN.indexOf(ch);
                sb.append(i < 0 ? ch : CYRILLIC.charAt(i));
            }
            return sb.toString();
        }

        /** «ОГЭ 2024, MA, 9 класс, вариант К». */
        @Override
        public String toString() {
            return kind.code() + " " + year + ", " + subjectCode + ", " + grade + " класс"
                    + (form.isEmpty() ? "" : ", форма «" + form + "»") + (variant.isEmpty() ? "" : ", вариант " + variant);
        }
    }

    private static final String LATIN = "ABCEHKMOPTX";
    private static final String CYRILLIC = "АВСЕНКМОРТХ";

    /** {@code primary} points give the test score {@code test}. */
    public record Point(int primary, int test) {
    }

    /**
     * «A mark of {@code mark} or higher needs at least {@code minSum} points for {@code tasks} together»; a
     * participant who has the band of a higher mark but not these points gets the highest mark whose conditions
     * hold (data-formats §2.3).
     *
     * @param tasks the task or criterion labels as in the results (e.g. {@code 15}, {@code ГК1})
     */
    public record Rule(int mark, List<String> tasks, int minSum) {
        public Rule {
            tasks = List.copyOf(tasks);
        }

        @Override
        public String toString() {
            return "для отметки «" + mark + "» и выше нужно не меньше " + minSum + " за задания "
                    + String.join(", ", tasks);
        }
    }

    /** One thing wrong with a scale: what it concerns ({@link #BAND}: a mark, {@link #POINT}: a primary score …). */
    public record Issue(String part, int at, String message) {
    }

    public static final String BAND = "band";
    public static final String POINT = "point";
    public static final String RULE = "rule";
    public static final String MINIMUM = "minimum";
    public static final String SCALE = "scale";

    /**
     * What a scale gives one participant.
     *
     * @param mark the mark, {@code null} when the scale has no bands or it cannot be determined
     * @param test the test score, {@code null} when the scale has no table
     * @param lowered why the mark is lower than its band (a condition not met), else {@code null}
     * @param undetermined why the mark or test score could not be found, else {@code null}
     */
    public record Grading(Integer mark, Integer test, String lowered, String undetermined) {
    }

    public GiaScale {
        Objects.requireNonNull(key, "key");
        bands = List.copyOf(bands.stream().sorted(Comparator.comparingInt(MarkScale.Band::mark)).toList());
        table = List.copyOf(table.stream().sorted(Comparator.comparingInt(Point::primary)).toList());
        rules = List.copyOf(rules.stream().sorted(Comparator.comparingInt(Rule::mark)).toList());
        source = source == null ? "" : source;
        note = note == null ? "" : note;
        List<Issue> issues = check(key.kind(), bands, table, minimum, admissionMinimum, rules);
        if (!issues.isEmpty()) {
            throw new IllegalArgumentException(issues.get(0).message());
        }
    }

    /** The highest primary score of the scale (of its bands, else of its table); {@code null} when it has neither. */
    public Integer maxPrimary() {
        return !bands.isEmpty() ? Integer.valueOf(bands.get(bands.size() - 1).to())
                : !table.isEmpty() ? Integer.valueOf(table.get(table.size() - 1).primary()) : null;
    }

    /**
     * A participant's score per task label, for the conditions: not attempted counts 0; empty when the scores do
     * not fit the layout.
     */
    public static Map<String, Integer> byLabel(TaskLayout layout, TaskScores scores) {
        Map<String, Integer> out = new java.util.HashMap<>();
        if (layout == null || scores == null || layout.size() != scores.size()) {
            return out;
        }
        for (int i = 0; i < scores.size(); i++) {
            out.put(layout.tasks().get(i).label(), scores.attempted(i) ? scores.score(i) : 0);
        }
        return out;
    }

    /** Whether a test score is below the minimum; empty when the scale has no minimum. */
    public Optional<Boolean> belowMinimum(double test) {
        return minimum == null ? Optional.empty() : Optional.of(test < minimum);
    }

    /**
     * The mark and test score of a primary score (a fractional score counts by its whole part).
     *
     * @param tasks the participant's score per task label; a label that is not there is unknown
     */
    public Grading grade(double primary, Map<String, Integer> tasks) {
        int score = (int) Math.floor(primary);
        Integer test = null;
        if (!table.isEmpty()) {
            if (score < 0 || score > table.get(table.size() - 1).primary()) {
                return new Grading(null, null, null, beyond(primary));
            }
            test = table.get(score).test();
        }
        if (bands.isEmpty()) {
            return new Grading(null, test, null, null);
        }
        Integer band = bands.stream().filter(b -> score >= b.from() && score <= b.to()).map(MarkScale.Band::mark)
                .findFirst().orElse(null);
        if (band == null) {
            return new Grading(null, test, null, beyond(primary));
        }
        return conditioned(band, tasks, test);
    }

    /** The highest mark not above the band whose conditions all hold. */
    private Grading conditioned(int band, Map<String, Integer> tasks, Integer test) {
        int lowest = bands.get(0).mark();
        List<String> unmet = new ArrayList<>();
        for (int mark = band; mark > lowest; mark--) {
            boolean holds = true;
            for (Rule r : rules) {
                if (r.mark() > mark) {
                    continue;
                }
                List<String> missing = r.tasks().stream().filter(t -> !tasks.containsKey(t)).toList();
                if (!missing.isEmpty()) {
                    return new Grading(null, test, null, "по первичному баллу отметка «" + band + "», но " + r
                            + ", а баллов за " + String.join(", ", missing) + " в результатах нет");
                }
                int sum = r.tasks().stream().mapToInt(tasks::get).sum();
                if (sum < r.minSum()) {
                    holds = false;
                    String why = r + " (набрано " + sum + ")";
                    if (!unmet.contains(why)) {
                        unmet.add(why);
                    }
                }
            }
            if (holds) {
                return new Grading(mark, test, mark == band ? null : lowered(band, mark, unmet), null);
            }
        }
        return new Grading(lowest, test, lowest == band ? null : lowered(band, lowest, unmet), null);
    }

    private static String lowered(int band, int mark, List<String> unmet) {
        return "по первичному баллу отметка «" + band + "», но " + String.join("; ", unmet) + ": отметка «" + mark + "»";
    }

    private String beyond(double primary) {
        return "первичный балл " + (primary == Math.rint(primary) ? String.valueOf((long) primary) : String.valueOf(primary))
                + " вне шкалы «" + key + "» (0–" + maxPrimary() + ")";
    }

    /** Everything wrong with the parts of a scale, in Russian, each naming its band, primary score or rule. */
    public static List<Issue> check(ProcedureKind kind, List<MarkScale.Band> bands, List<Point> table, Integer minimum,
                                    Integer admissionMinimum, List<Rule> rules) {
        List<Issue> out = new ArrayList<>();
        if (!kind.isStateExam()) {
            out.add(new Issue(SCALE, 0, "процедура " + kind.code() + " — не ГИА: ожидается ОГЭ, ГВЭ-9, ГВЭ-11 или ЕГЭ"));
            return out;
        }
        checkBands(kind, bands, out);
        checkTable(kind, table, out);
        checkMinimum(minimum, "минимальный тестовый балл", out);
        checkMinimum(admissionMinimum, "минимальный балл для поступления в вуз", out);
        if (kind != ProcedureKind.EGE && (minimum != null || admissionMinimum != null)) {
            out.add(new Issue(MINIMUM, 0, "минимальный тестовый балл бывает только у ЕГЭ; минимум " + kind.code()
                    + " — начало отметки «3»"));
        }
        if (bands.isEmpty() && table.isEmpty() && minimum == null && admissionMinimum == null) {
            out.add(new Issue(SCALE, 0, "в шкале нет ни отметок, ни тестовых баллов, ни минимального балла"));
        }
        checkRules(bands, rules, out);
        return out;
    }

    private static void checkBands(ProcedureKind kind, List<MarkScale.Band> bands, List<Issue> out) {
        if (bands.isEmpty()) {
            if (kind != ProcedureKind.EGE) {
                out.add(new Issue(BAND, 0, "в шкале " + kind.code() + " нет отметок «2»–«5»"));
            }
            return;
        }
        for (MarkScale.Band b : bands) {
            if (b.mark() < 2 || b.mark() > 5) {
                out.add(new Issue(BAND, b.mark(), "отметка «" + b.mark() + "»: ожидается отметка от 2 до 5"));
            }
        }
        MarkScale.check(bands).forEach(p -> out.add(new Issue(BAND, p.mark(), p.message())));
    }

    /** The table must give every primary score from 0 on, once, and never less for more points. */
    private static void checkTable(ProcedureKind kind, List<Point> table, List<Issue> out) {
        if (table.isEmpty()) {
            return;
        }
        if (kind != ProcedureKind.EGE) {
            out.add(new Issue(POINT, table.get(0).primary(), "тестовые баллы бывают только у ЕГЭ, а это " + kind.code()));
            return;
        }
        Point previous = null;
        for (Point p : table) {
            if (p.test() < 0 || p.test() > 100) {
                out.add(new Issue(POINT, p.primary(), "первичный балл " + p.primary() + ": тестовый балл " + p.test()
                        + " вне 0–100"));
            }
            int expected = previous == null ? 0 : previous.primary() + 1;
            if (previous != null && p.primary() == previous.primary()) {
                out.add(new Issue(POINT, p.primary(), "первичный балл " + p.primary() + " указан дважды"));
            } else if (p.primary() > expected) {
                out.add(new Issue(POINT, p.primary(), (p.primary() - expected == 1 ? "пропущен первичный балл "
                        : "пропущены первичные баллы ") + range(expected, p.primary() - 1)));
            } else if (p.primary() < 0) {
                out.add(new Issue(POINT, p.primary(), "отрицательный первичный балл " + p.primary()));
            }
            if (previous != null && p.test() < previous.test()) {
                out.add(new Issue(POINT, p.primary(), "первичный балл " + p.primary() + " даёт тестовый балл " + p.test()
                        + ", меньше, чем " + previous.test() + " за первичный балл " + previous.primary()
                        + ": таблица должна не убывать"));
            }
            previous = p;
        }
    }

    private static void checkMinimum(Integer minimum, String what, List<Issue> out) {
        if (minimum != null && (minimum < 0 || minimum > 100)) {
            out.add(new Issue(MINIMUM, minimum, what + " " + minimum + " вне 0–100"));
        }
    }

    private static void checkRules(List<MarkScale.Band> bands, List<Rule> rules, List<Issue> out) {
        for (Rule r : rules) {
            if (bands.isEmpty()) {
                out.add(new Issue(RULE, r.mark(), "условие для отметки «" + r.mark() + "»: в шкале нет отметок"));
            } else if (bands.stream().noneMatch(b -> b.mark() == r.mark()) || r.mark() == bands.get(0).mark()) {
                out.add(new Issue(RULE, r.mark(), "условие для отметки «" + r.mark() + "»: такой отметки (выше низшей) "
                        + "в шкале нет"));
            } else if (r.tasks().isEmpty()) {
                out.add(new Issue(RULE, r.mark(), "условие для отметки «" + r.mark() + "»: не указаны задания"));
            } else if (r.minSum() < 1) {
                out.add(new Issue(RULE, r.mark(), "условие для отметки «" + r.mark() + "»: нужная сумма баллов "
                        + r.minSum() + " — ожидается хотя бы 1"));
            }
        }
    }

    private static String range(int from, int to) {
        return from == to ? String.valueOf(from) : from + "–" + to;
    }
}
