package ru.msoko.core.fisoko;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.Gender;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.domain.TaskScores;

/**
 * Turns one participant row of a ФИС ОКО sheet into a {@link Result}: the school login resolved through
 * the directory, the participant pseudonymised as {@code school|year|code} (a code is unique only inside one
 * school and year), every dirty value normalised. Errors become problems with sheet, row and column;
 * values that can be left out (a journal mark «ж») become warnings.
 */
final class RowConverter {

    /**
     * Where and what: the fixed context of one sheet.
     *
     * @param maximaInFile the task maxima are the file's own headers ({@code 3 (2б)}): a score above one is an
     *                     error; maxima from a codifier are outside knowledge, and a score above one a warning
     */
    record Context(String fileName, String sheet, Columns columns, int[] taskColumns, TaskLayout layout,
                   boolean maximaInFile, Procedure.Key key, Integer maxPrimary, String defaultLogin) {
    }

    private final Context ctx;
    private final Columns c;
    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;
    private final Problems problems;
    private final Warnings warnings;
    private final Map<String, Optional<String>> schoolCodes = new HashMap<>();
    private final Map<String, FisOkoReader.SchoolOrigin> schools = new LinkedHashMap<>();
    private Workbook.Line line;
    private boolean failed;

    RowConverter(Context ctx, Directory directory, UnaryOperator<String> pseudonymizer, Problems problems,
                 Warnings warnings) {
        this.ctx = ctx;
        this.c = ctx.columns();
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** The schools of the file as written, with their municipality, in order of appearance. */
    Map<String, FisOkoReader.SchoolOrigin> schools() {
        return schools;
    }

    /** @return the result, or {@code null} after adding the row's problems */
    Result convert(Workbook.Line row) {
        this.line = row;
        this.failed = false;
        String school = school();
        String code = line.cell(c.code);
        if (code.isEmpty()) {
            fail(c.code, "не указан код участника");
        }
        String variant = variant();
        boolean absent = Values.isAbsent(variant);
        boolean noWork = variant.equals("0");
        if (noWork) {
            warn(variantColumn(), "вариант «0» без первичного балла: участник учтён как не писавший работу", variant);
        }
        TaskScores tasks = absent || noWork ? null : tasks();
        Double total = total();
        Double primary = null;
        if (absent) {
            checkNoScores(total);
        } else if (!noWork) {
            primary = primary(total, tasks);
        }
        Integer journal = lenient(c.journal, Dirty::journalMark, "не отметка, отметка по журналу не учтена");
        Gender gender = lenient(c.gender, Dirty::gender, "не пол, значение не учтено");
        String classLabel = c.classLabel < 0 ? null : Dirty.classLabel(line.cell(c.classLabel), ctx.key().grade());
        if (failed) {
            return null;
        }
        String participant = pseudonymizer.apply(school + "|" + ctx.key().year() + "|" + code);
        boolean didNotWrite = absent || noWork;
        return new Result(ctx.key(), school, participant, null, classLabel, gender,
                didNotWrite || variant.isEmpty() ? null : variant, didNotWrite, tasks, primary, null, null, null,
                journal, null, Result.Flags.NONE, null,
                ctx.maxPrimary() == null ? null : ctx.maxPrimary().doubleValue(), null);
    }

    private String school() {
        String login = c.login >= 0 ? line.cell(c.login) : ctx.defaultLogin();
        if (login == null || login.isEmpty()) {
            fail(c.login, c.login >= 0 ? "не указан логин школы"
                    : "не указана школа: в форме без служебных столбцов логин школы берётся из имени файла "
                            + "(например, «Форма edu220001 математика 4 класс.xlsx»)");
            return null;
        }
        remember(login);
        int year = ctx.key().year();
        return schoolCodes.computeIfAbsent(login, l -> directory.schoolCode(l, year)).orElseGet(() -> {
            fail(c.login, directory.unknownSchool(login, year));
            return null;
        });
    }

    private void remember(String login) {
        schools.computeIfAbsent(login, l -> {
            String[] municipality = line.cell(c.municipality).split("\\|", 2);
            String[] school = line.cell(c.school).split("\\|", 2);
            boolean coded = municipality.length == 2;
            String name = (coded ? municipality[1] : municipality[0]).trim();
            return new FisOkoReader.SchoolOrigin(l, school.length == 2 ? school[1].trim() : null,
                    coded ? municipality[0].trim() : null, name.isEmpty() ? null : name);
        });
    }

    /** The variant; the 2020 export has it in either of two columns. */
    private String variant() {
        for (int v : c.variants) {
            String s = line.cell(v);
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }

    private int variantColumn() {
        for (int v : c.variants) {
            if (!line.cell(v).isEmpty()) {
                return v;
            }
        }
        return c.variants[0];
    }

    private TaskScores tasks() {
        int[] idx = ctx.taskColumns();
        int[] scores = new int[idx.length];
        for (int t = 0; t < idx.length; t++) {
            String raw = line.cell(idx[t]);
            if (Dirty.notAttempted(raw)) {
                scores[t] = TaskScores.NOT_ATTEMPTED;
                continue;
            }
            Integer s = parsed(idx[t], v -> Values.integer(v, "балл (ожидается целое число или X)"));
            TaskLayout.Task task = ctx.layout().tasks().get(t);
            if (s != null && s > task.maxScore() && ctx.maximaInFile()) {
                fail(idx[t], "балл " + s + " больше максимума за задание «" + task.label() + "» (" + task.maxScore() + ")");
            } else if (s != null && s > task.maxScore()) {
                warn(idx[t], "балл больше максимума задания «" + task.label() + "» по кодификатору, учтён максимум",
                        s + " > " + task.maxScore());
            }
            scores[t] = s == null ? TaskScores.NOT_ATTEMPTED : Math.min(s, task.maxScore());
        }
        return TaskScores.of(scores);
    }

    private Double total() {
        return c.total < 0 ? null : parsed(c.total, Values::decimal);
    }

    /** The file's total is what ФИС ОКО marked by; a total that differs from the task sum is only a warning. */
    private Double primary(Double total, TaskScores tasks) {
        if (total == null) {
            return tasks == null ? null : (double) tasks.total();
        }
        if (total < 0) {
            fail(c.total, "отрицательный первичный балл");
        } else if (ctx.maxPrimary() != null && total > ctx.maxPrimary()) {
            fail(c.total, "первичный балл " + format(total) + " больше максимального балла работы (" + ctx.maxPrimary() + ")");
        }
        if (!failed && tasks != null && total != tasks.total()) {
            warn(c.total, "итог не равен сумме баллов за задания, взят итог из файла",
                    format(total) + " ≠ " + tasks.total());
        }
        return total;
    }

    private void checkNoScores(Double total) {
        boolean scored = total != null && total > 0;
        for (int i : ctx.taskColumns()) {
            String raw = line.cell(i);
            scored |= !Dirty.notAttempted(raw) && !raw.equals("0");
        }
        if (scored) {
            fail(variantColumn(), "участник отмечен отсутствовавшим, но у него есть баллы");
        }
    }

    private <T> T parsed(int column, Function<String, T> parser) {
        try {
            return parser.apply(line.cell(column));
        } catch (IllegalArgumentException e) {
            fail(column, e.getMessage());
            return null;
        }
    }

    private <T> T lenient(int column, Function<String, T> parser, String what) {
        if (column < 0) {
            return null;
        }
        try {
            return parser.apply(line.cell(column));
        } catch (IllegalArgumentException e) {
            warn(column, what, line.cell(column));
            return null;
        }
    }

    private void warn(int column, String what, String value) {
        warnings.add(ctx.sheet(), c.name(column), what, line.number(), value);
    }

    private void fail(int column, String message) {
        failed = true;
        problems.add(new Problem(ctx.fileName(), ctx.sheet(), line.number(), c.name(column), message));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }
}
