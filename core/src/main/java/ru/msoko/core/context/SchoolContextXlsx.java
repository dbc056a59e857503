package ru.msoko.core.context;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.fisoko.Workbook;

/**
 * The ФИС ОКО form «Сбор контекстных данных об ОО и участниках ВПР» (data-formats §1.5): one row per school
 * on one sheet (2021, 95 columns) or on two sheets joined by login (2022: «Общая информация об ОО» and
 * «ОБРАЗОВАТЕЛЬНАЯ ДЕЯТЕЛЬНОСТЬ ОО»). Columns are found by the meaning of their headers, never by position;
 * the year is the second year of the «2020/2021 учебном году» the questions name (or, failing that, a year in
 * the file name).
 */
public final class SchoolContextXlsx {

    private static final Pattern SCHOOL_YEAR = Pattern.compile("(20\\d\\d) ?/ ?(20\\d\\d) учебн");
    private static final Pattern FILE_YEAR = Pattern.compile("(20\\d\\d)");
    private static final int RECOGNITION_ROWS = 16;
    private static final int RECOGNITION_QUESTIONS = 2;

    /**
     * What was read; the rows are valid only when there are no problems.
     *
     * @param notes facts that do not reject the file but the user should see (inconsistent counts)
     */
    public record Summary(int year, List<ContextRow> rows, List<Problem> problems, List<String> notes) {
    }

    private SchoolContextXlsx() {
    }

    /** Whether some sheet has a login column and at least two questions of the context form the analysis uses. */
    public static boolean recognises(Path path) {
        try (Workbook book = Workbook.open(path, path.getFileName().toString())) {
            long questions = 0;
            for (String name : book.sheetNames()) {
                try (Workbook.Rows rows = book.sheet(name).orElseThrow()) {
                    ContextColumns c = ContextColumns.of(lines(rows, RECOGNITION_ROWS));
                    questions += c == null ? 0 : c.typedQuestions();
                }
            }
            return questions >= RECOGNITION_QUESTIONS;
        } catch (InputException | IOException e) {
            return false;
        }
    }

    public static Summary read(Path path, String fileName) throws IOException {
        Map<String, SchoolAnswers> schools = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        try (Workbook book = Workbook.open(path, fileName)) {
            for (String name : book.sheetNames()) {
                try (Workbook.Rows rows = book.sheet(name).orElseThrow()) {
                    List<Workbook.Line> lines = lines(rows, Integer.MAX_VALUE);
                    ContextColumns columns = ContextColumns.of(lines);
                    if (columns != null) {
                        columns.columns.forEach(c -> headers.add(c.header()));
                        new SheetReader(fileName, name, columns, schools, problems).read(lines);
                    }
                }
            }
        }
        if (schools.isEmpty() && problems.isEmpty()) {
            throw new InputException(Problem.ofFile(fileName, "нет листа со столбцом «логин» (или «Пользователь») "
                    + "и строками школ: это не форма контекстных данных ОО"));
        }
        Integer year = year(headers, fileName);
        if (year == null) {
            problems.add(0, Problem.ofFile(fileName, "год не распознан: ни в одном вопросе нет учебного года вида "
                    + "«2020/2021 учебном году», и в имени файла года нет"));
            return new Summary(0, List.of(), problems, List.of());
        }
        List<String> notes = new ArrayList<>();
        List<ContextRow> rows = schools.values().stream().map(s -> s.row(year, notes)).toList();
        return new Summary(year, rows, problems, notes);
    }

    /** The year the form was collected in: the later year of the school year its questions name. */
    static Integer year(List<String> headers, String fileName) {
        Integer year = null;
        for (String h : headers) {
            Matcher m = SCHOOL_YEAR.matcher(h.toLowerCase(Locale.ROOT));
            if (m.find()) {
                year = year == null ? Integer.parseInt(m.group(2)) : Math.max(year, Integer.parseInt(m.group(2)));
            }
        }
        if (year == null) {
            Matcher m = FILE_YEAR.matcher(fileName);
            year = m.find() ? Integer.parseInt(m.group(1)) : null;
        }
        return year;
    }

    private static List<Workbook.Line> lines(Workbook.Rows rows, int limit) {
        List<Workbook.Line> lines = new ArrayList<>();
        for (Workbook.Line l = rows.next(); l != null && lines.size() < limit; l = rows.next()) {
            lines.add(l);
        }
        return lines;
    }
}
