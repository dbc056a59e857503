package ru.msoko.core.canonical;

import static ru.msoko.core.canonical.ResultColumns.*;

import java.util.List;
import java.util.function.UnaryOperator;
import ru.msoko.core.domain.Gender;
import ru.msoko.core.domain.OlympiadStatus;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.domain.TaskScores;

/** Turns one CSV record of {@code results.csv} into a {@link Result}, or reports why it cannot. */
final class ResultRowParser {

    private static final double EPSILON = 1e-9;

    private final String fileName;
    private final List<String> header;
    private final ResultColumns columns;
    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;

    /** Lookups repeat on every row with the same few values: cache them per file. */
    private final java.util.Map<String, ProcedureKind> kinds = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.Optional<String>> subjects = new java.util.HashMap<>();
    private final java.util.Map<String, java.util.Optional<String>> schools = new java.util.HashMap<>();
    private final java.util.Map<String, java.time.LocalDate> dates = new java.util.HashMap<>();
    /** The date of the previous row: a file of one procedure repeats one date on every row. */
    private String lastDateText;
    private java.time.LocalDate lastDate;
    private CsvLine rec;
    private Problems problems;
    private boolean failed;

    ResultRowParser(String fileName, List<String> header, ResultColumns columns, Directory directory,
                    UnaryOperator<String> pseudonymizer) {
        this.fileName = fileName;
        this.header = header;
        this.columns = columns;
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
    }

    /** @return the result, or {@code null} after adding the row's problems */
    Result parse(CsvLine record, Problems sink) {
        this.rec = record;
        this.problems = sink;
        this.failed = false;
        if (record.getFieldCount() != header.size()) {
            fail(-1, "в строке " + record.getFieldCount() + " полей, а в заголовке " + header.size()
                    + " — проверьте разделитель и кавычки");
            return null;
        }
        ProcedureKind kind = procedureKind();
        Integer year = bounded(YEAR, "год", 2000, 2100);
        Integer grade = bounded(GRADE, "класс (1–11)", 1, 11);
        String subject = subject();
        String school = year == null ? null : school(year);
        String participant = participant();
        if (failed || kind == null || year == null || grade == null) {
            return null;
        }
        return build(new Procedure.Key(kind, year, subject, grade), school, participant, grade, kind);
    }

    private Result build(Procedure.Key key, String school, String participant, int grade, ProcedureKind kind) {
        String variant = text(VARIANT);
        boolean absent = Values.isAbsent(variant);
        TaskScores tasks = absent ? null : tasks();
        Double primary = decimal(PRIMARY_SCORE);
        Double score = decimal(SCORE);
        Integer mark = null;
        Boolean passed = null;
        if (kind.isPassFail()) {
            passed = parsed(MARK, Values::passFail);
        } else {
            mark = mark(MARK);
        }
        Double max = decimal(MAX_SCORE);
        Result.Flags flags = new Result.Flags(flag(OVZ), flag(REPEAT), flag(MEDAL_CANDIDATE), flag(OBSERVED));
        Result result = new Result(key, school, participant, parsed(DATE, this::date), classLabel(grade),
                gender(), variant.isEmpty() || absent ? null : variant, absent, tasks,
                absent ? null : primary(primary, tasks, max), absent ? null : score, absent ? null : mark,
                absent ? null : passed, mark(JOURNAL_MARK), mark(ANNUAL_MARK),
                flags, status(), max, rechecked(max));
        if (absent) {
            checkAbsentHasNoScores(primary, score);
        }
        checkScoreRange(score);
        return failed ? null : result;
    }

    private ProcedureKind procedureKind() {
        String v = text(PROCEDURE);
        ProcedureKind kind = kinds.computeIfAbsent(v, k -> ProcedureKind.fromCode(k).orElse(null));
        if (kind == null) {
            fail(PROCEDURE, v.isEmpty() ? "не указана процедура"
                    : "неизвестная процедура «" + v + "»: ожидается ВПР, ОГЭ, ЕГЭ, ГВЭ-9, ВсОШ-ШЭ и т. п.");
        }
        return kind;
    }

    private Integer bounded(int column, String what, int min, int max) {
        Integer v = parsed(column, s -> Values.integer(s, what));
        if (v == null) {
            if (!failed) {
                fail(column, "не заполнено");
            }
            return null;
        }
        if (v < min || v > max) {
            fail(column, "«" + v + "» — вне допустимого диапазона " + min + "–" + max);
            return null;
        }
        return v;
    }

    private String subject() {
        String v = text(SUBJECT);
        if (v.isEmpty()) {
            fail(SUBJECT, "не указан предмет");
            return null;
        }
        return subjects.computeIfAbsent(v, directory::subjectCode).orElseGet(() -> {
            fail(SUBJECT, "предмет «" + v + "» не найден в справочнике предметов");
            return null;
        });
    }

    private String school(int year) {
        String v = text(SCHOOL_CODE);
        if (v.isEmpty()) {
            fail(SCHOOL_CODE, "не указан код школы");
            return null;
        }
        return schools.computeIfAbsent(year + "|" + v, k -> directory.schoolCode(v, year)).orElseGet(() -> {
            fail(SCHOOL_CODE, directory.unknownSchool(v, year));
            return null;
        });
    }

    private String participant() {
        String v = text(PARTICIPANT);
        if (v.isEmpty()) {
            fail(PARTICIPANT, "не указан участник");
            return null;
        }
        return pseudonymizer.apply(v);
    }

    private TaskScores tasks() {
        int[] idx = columns.taskColumns();
        if (idx.length == 0) {
            return null;
        }
        List<TaskLayout.Task> layout = columns.layout().tasks();
        int[] scores = new int[idx.length];
        for (int t = 0; t < idx.length; t++) {
            int quick = rec.digits(idx[t]);
            if (quick >= 0) {
                scores[t] = checkedTaskScore(idx[t], quick, layout.get(t).maxScore());
                continue;
            }
            String raw = rec.getField(idx[t]);
            if (Values.isNotAttempted(raw)) {
                scores[t] = TaskScores.NOT_ATTEMPTED;
                continue;
            }
            Integer s = integerOrFail(idx[t], raw);
            scores[t] = s == null ? TaskScores.NOT_ATTEMPTED : checkedTaskScore(idx[t], s, layout.get(t).maxScore());
        }
        return TaskScores.of(scores);
    }

    private int checkedTaskScore(int column, int score, int max) {
        if (score > max) {
            failAt(column, "балл " + score + " больше максимума за задание (" + max + ")");
        }
        return Math.min(score, max);
    }

    private Integer integerOrFail(int column, String raw) {
        try {
            return Values.integer(raw, "балл (ожидается целое число или X)");
        } catch (IllegalArgumentException e) {
            failAt(column, e.getMessage());
            return null;
        }
    }

    /** The primary score: given, or the sum of tasks; checked against the tasks and the maximum. */
    private Double primary(Double given, TaskScores tasks, Double max) {
        if (given != null && given < 0) {
            fail(PRIMARY_SCORE, "отрицательный первичный балл");
        }
        if (tasks != null) {
            int sum = tasks.total();
            if (given != null && Math.abs(given - sum) > EPSILON) {
                fail(PRIMARY_SCORE, "первичный балл " + format(given) + " не равен сумме баллов за задания ("
                        + sum + ")");
            }
            return given != null ? given : (double) sum;
        }
        if (given != null && max != null && given > max + EPSILON) {
            fail(PRIMARY_SCORE, "первичный балл " + format(given) + " больше максимального (" + format(max) + ")");
        }
        return given;
    }

    /** The expert's score of a re-checked work: a primary score like any other, 0 up to the maximum. */
    private Double rechecked(Double max) {
        Double v = decimal(RECHECKED_SCORE);
        if (v != null && v < 0) {
            fail(RECHECKED_SCORE, "отрицательный балл после перепроверки");
        } else if (v != null && max != null && v > max + EPSILON) {
            fail(RECHECKED_SCORE, "балл после перепроверки " + format(v) + " больше максимального (" + format(max) + ")");
        }
        return v;
    }

    private void checkAbsentHasNoScores(Double primary, Double score) {
        boolean hasScores = (primary != null && primary > 0) || (score != null && score > 0) || hasTaskScore();
        if (hasScores) {
            fail(VARIANT, "участник отмечен отсутствовавшим, но у него есть баллы");
        }
    }

    private boolean hasTaskScore() {
        for (int i : columns.taskColumns()) {
            String raw = rec.getField(i);
            if (!Values.isNotAttempted(raw) && !raw.trim().equals("0")) {
                return true;
            }
        }
        return false;
    }

    private void checkScoreRange(Double score) {
        if (score != null && (score < 0 || score > 100)) {
            fail(SCORE, "тестовый балл " + format(score) + " вне диапазона 0–100");
        }
    }

    private java.time.LocalDate date(String text) {
        if (!text.equals(lastDateText)) {
            // an ОГЭ file lists each pupil's subjects, each on its own date: the few dates of a file are kept
            lastDate = dates.size() < 366 ? dates.computeIfAbsent(text, Values::date) : Values.date(text);
            lastDateText = text;
        }
        return lastDate;
    }

    private String classLabel(int grade) {
        return columns.at(CLASS) < 0 ? null : Values.classLabel(text(CLASS), grade);
    }

    private Gender gender() {
        String v = text(GENDER);
        if (v.isEmpty()) {
            return null;
        }
        return Gender.fromLabel(v).orElseGet(() -> {
            fail(GENDER, "«" + v + "»: ожидается «м» или «ж»");
            return null;
        });
    }

    private OlympiadStatus status() {
        String v = text(STATUS);
        if (v.isEmpty()) {
            return null;
        }
        return OlympiadStatus.fromLabel(v).orElseGet(() -> {
            fail(STATUS, "«" + v + "»: ожидается «победитель», «призёр» или «участник»");
            return null;
        });
    }

    private boolean flag(int column) {
        Boolean b = parsed(column, Values::flag);
        return b != null && b;
    }

    private String text(int column) {
        int i = columns.at(column);
        return i < 0 ? "" : rec.getField(i).trim();
    }

    /** A number: a cell of plain digits is read without making a string of it. */
    private Double decimal(int column) {
        int quick = quick(column);
        return quick >= 0 ? Double.valueOf(quick) : parsed(column, Values::decimal);
    }

    /** A mark 2–5 (see {@link Values#mark}): a cell of plain digits is read without making a string of it. */
    private Integer mark(int column) {
        int quick = quick(column);
        return quick >= 1 && quick <= 5 ? Integer.valueOf(quick) : parsed(column, Values::mark);
    }

    /** The value of a cell of plain digits in this canonical column, or -1 (no such column, or anything else). */
    private int quick(int column) {
        int i = columns.at(column);
        return i < 0 ? -1 : rec.digits(i);
    }

    private <T> T parsed(int column, java.util.function.Function<String, T> parser) {
        int i = columns.at(column);
        if (i < 0) {
            return null;
        }
        try {
            return parser.apply(rec.getField(i));
        } catch (IllegalArgumentException e) {
            failAt(i, e.getMessage());
            return null;
        }
    }

    /** A problem of the row ({@code column} -1) or of the canonical column with this id. */
    private void fail(int column, String message) {
        int i = column < 0 ? -1 : columns.at(column);
        failAt(i, message);
    }

    private void failAt(int columnIndex, String message) {
        failed = true;
        problems.add(new Problem(fileName, null, rec.getStartingLineNumber(),
                columnIndex < 0 ? null : header.get(columnIndex), message));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }

}
