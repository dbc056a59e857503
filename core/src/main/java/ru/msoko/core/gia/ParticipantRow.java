package ru.msoko.core.gia;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.domain.TaskScores;
import ru.msoko.core.fisoko.Dirty;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.Warnings;
import ru.msoko.core.fisoko.Workbook;
import ru.msoko.core.text.RussianPlural;

/**
 * Turns one participant row of a РЦОИ sheet into a {@link Result}. The full name is read only to compute the
 * participant key and is dropped at once: it never reaches a result, a problem or a warning (a problem names
 * the row, not the person). Document numbers, ППЭ and room are never read.
 */
final class ParticipantRow {

    /** The fixed context of one sheet. */
    record Sheet(String fileName, String name, RcoiColumns columns, SheetExam exam, TaskLayout layout, int shortCount,
                 List<Integer> criteriaMaxima) {
    }

    private final Sheet sheet;
    private final RcoiColumns c;
    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;
    private final Problems problems;
    private final Warnings warnings;
    private final Map<String, Optional<String>> schoolCodes = new HashMap<>();
    private final Map<String, FisOkoReader.SchoolOrigin> schools = new LinkedHashMap<>();
    private Workbook.Line line;
    private boolean failed;

    ParticipantRow(Sheet sheet, Directory directory, UnaryOperator<String> pseudonymizer, Problems problems,
                   Warnings warnings) {
        this.sheet = sheet;
        this.c = sheet.columns();
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** The schools of the sheet as written («Код ОО»), with «Код МСУ» as their municipality code. */
    Map<String, FisOkoReader.SchoolOrigin> schools() {
        return schools;
    }

    /** @return the result, or {@code null} after adding the row's problems */
    Result convert(Workbook.Line row) {
        this.line = row;
        this.failed = false;
        String school = school();
        String identity = identity();
        int grade = sheet.exam().key().grade();
        String classLabel = c.classLabel < 0 ? null : Dirty.classLabel(line.cell(c.classLabel), grade);
        String variant = c.variant < 0 ? "" : line.cell(c.variant);
        String shortRaw = cell(c.shortAnswers);
        String longRaw = cell(c.longAnswers);
        String primaryRaw = cell(c.primary);
        String scoreRaw = cell(c.score);
        boolean noScores = shortRaw.isEmpty() && longRaw.isEmpty() && primaryRaw.isEmpty() && scoreRaw.isEmpty();
        boolean absent = Values.isAbsent(variant) || noScores;
        if (absent && !noScores) {
            fail(c.variant, "участник отмечен отсутствовавшим, но у него есть баллы");
        }
        TaskScores tasks = absent || shortRaw.isEmpty() && longRaw.isEmpty() ? null : tasks(shortRaw, longRaw);
        Double primary = absent ? null : primary(tasks);
        Double score = absent ? null : parsed(c.score, this::score);
        if (failed) {
            return null;
        }
        String participant = pseudonymizer.apply(school + "|" + sheet.exam().key().year() + "|" + identity);
        boolean mark = sheet.exam().scoreIsMark();
        return new Result(sheet.exam().key(), school, participant, sheet.exam().date(), classLabel, null,
                absent || variant.isEmpty() ? null : variant, absent, tasks, primary, mark ? null : score,
                mark && score != null ? Integer.valueOf(score.intValue()) : null, null, null, null, Result.Flags.NONE,
                null, null, null);
    }

    private String cell(int column) {
        return column < 0 ? "" : line.cell(column);
    }

    private String school() {
        String code = line.cell(c.school);
        if (code.isEmpty()) {
            fail(c.school, "не указан код ОО");
            return null;
        }
        schools.computeIfAbsent(code, k -> new FisOkoReader.SchoolOrigin(k, null,
                c.municipality < 0 || line.cell(c.municipality).isEmpty() ? null : line.cell(c.municipality), null));
        int year = sheet.exam().key().year();
        return schoolCodes.computeIfAbsent(code, k -> directory.schoolCode(k, year)).orElseGet(() -> {
            fail(c.school, directory.unknownSchool(code, year));
            return null;
        });
    }

    /** «Фамилия Имя Отчество» as one string for the key; the values never appear in a message. */
    private String identity() {
        String surname = line.cell(c.surname);
        String name = line.cell(c.name);
        if (surname.isEmpty() || name.isEmpty()) {
            fail(surname.isEmpty() ? c.surname : c.name,
                    "не указаны фамилия или имя участника: без них нельзя получить код участника");
            return null;
        }
        return surname + " " + name + " " + cell(c.patronymic);
    }

    private TaskScores tasks(String shortRaw, String longRaw) {
        int n = sheet.shortCount();
        List<Integer> maxima = sheet.criteriaMaxima();
        int[] scores = new int[n + maxima.size()];
        int[] shortScores = present(c.shortAnswers, shortRaw, n > 0) ? parsed(c.shortAnswers, AnswerStrings::shortAnswers)
                : null;
        if (shortScores != null && shortScores.length != n) {
            fail(c.shortAnswers, shortScores.length + " " + RussianPlural.of(shortScores.length, "символ", "символа",
                    "символов") + ", а в других строках ведомости " + n + ": ожидается по одному символу на задание");
        } else if (shortScores != null) {
            System.arraycopy(shortScores, 0, scores, 0, n);
        }
        List<AnswerStrings.Criterion> criteria = present(c.longAnswers, longRaw, !maxima.isEmpty())
                ? parsed(c.longAnswers, AnswerStrings::longAnswers) : null;
        if (criteria != null && criteria.size() != maxima.size()) {
            fail(c.longAnswers, criteria.size() + " " + RussianPlural.of(criteria.size(), "критерий", "критерия",
                    "критериев") + ", а в других строках ведомости " + maxima.size());
        } else if (criteria != null) {
            for (int i = 0; i < criteria.size(); i++) {
                AnswerStrings.Criterion k = criteria.get(i);
                if (k.max() != maxima.get(i)) {
                    fail(c.longAnswers, "критерий " + (i + 1) + " (задание «" + sheet.layout().tasks().get(n + i).label()
                            + "»): максимум в скобках " + k.max() + ", а в других строках ведомости " + maxima.get(i));
                }
                scores[n + i] = k.score();
            }
        }
        return TaskScores.of(scores);
    }

    /** Whether there is a string to read: an empty one where the other rows have answers is a problem. */
    private boolean present(int column, String raw, boolean expected) {
        if (raw.isEmpty() && expected) {
            fail(column, "пусто, а в других строках ведомости ответы есть");
        }
        return !raw.isEmpty();
    }

    private <T> T parsed(int column, Function<String, T> parser) {
        if (column < 0) {
            return null;
        }
        try {
            return parser.apply(line.cell(column));
        } catch (IllegalArgumentException e) {
            fail(column, e.getMessage());
            return null;
        }
    }

    /** The file's primary score is kept; one that differs from the sum of the tasks is only a warning. */
    private Double primary(TaskScores tasks) {
        Double total = parsed(c.primary, Values::decimal);
        if (total == null) {
            return tasks == null ? null : (double) tasks.total();
        }
        if (total < 0) {
            fail(c.primary, "отрицательный первичный балл");
        } else if (!failed && tasks != null && total != tasks.total()) {
            warnings.add(sheet.name(), c.name(c.primary), "первичный балл не равен сумме баллов за задания, взят первичный "
                    + "балл из файла", line.number(), format(total) + " ≠ " + tasks.total());
        }
        return total;
    }

    /** ОГЭ and ГВЭ: the mark 2–5; ЕГЭ: the test score 0–100 (data-formats §2.1). */
    private Double score(String raw) {
        Double v = Values.decimal(raw);
        if (v == null) {
            return null;
        }
        String kind = sheet.exam().key().kind().code();
        if (sheet.exam().scoreIsMark() && (v != Math.rint(v) || v < 2 || v > 5)) {
            throw new IllegalArgumentException("«" + raw + "» — не отметка: для " + kind + " в этом столбце ожидается "
                    + "отметка 2, 3, 4 или 5");
        }
        if (!sheet.exam().scoreIsMark() && (v < 0 || v > 100)) {
            throw new IllegalArgumentException("«" + raw + "» — не тестовый балл: для ЕГЭ ожидается число от 0 до 100");
        }
        return v;
    }

    private void fail(int column, String message) {
        failed = true;
        problems.add(new Problem(sheet.fileName(), sheet.name(), line.number(), c.name(column), message));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }
}
