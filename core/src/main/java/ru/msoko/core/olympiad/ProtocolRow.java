package ru.msoko.core.olympiad;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.OlympiadStatus;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.fisoko.Warnings;
import ru.msoko.core.fisoko.Workbook;

/**
 * Turns one participant row of a protocol table into a {@link Result}, or reports why it cannot. The full name is
 * read only to make the participant key and is dropped at once: it never reaches a result, a problem or a warning.
 */
final class ProtocolRow {

    private static final double EPSILON = 1e-9;
    /** Excel stores a date cell as days since 1899-12-30; a protocol «Дата» column may come as such a number. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final String fileName;
    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;
    private final Problems problems;
    private final Warnings warnings;
    private final CanonicalResultsReader.Sink sink;
    /** Participant key → where it was first seen, per procedure. */
    private final Map<Procedure.Key, Map<String, String>> seen = new HashMap<>();
    private final Map<String, Optional<String>> schools = new HashMap<>();
    final Set<Procedure.Key> procedures = new LinkedHashSet<>();
    long rows;
    long accepted;
    long absent;

    private ProtocolReader.Table table;
    private Workbook.Line line;
    private boolean failed;

    ProtocolRow(String fileName, Directory directory, UnaryOperator<String> pseudonymizer, Problems problems,
                Warnings warnings, CanonicalResultsReader.Sink sink) {
        this.fileName = fileName;
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.problems = problems;
        this.warnings = warnings;
        this.sink = sink;
    }

    void convert(ProtocolReader.Table t, Workbook.Line l) {
        this.table = t;
        this.line = l;
        this.failed = false;
        rows++;
        ProtocolColumns c = t.columns;
        ProcedureKind kind = kind();
        LocalDate date = date();
        Integer year = year(kind, date);
        String subject = subject();
        Integer grade = grade(kind);
        String school = year == null ? null : school(year);
        String identity = identity();
        boolean olympiad = t.kind == ProtocolReader.Kind.OLYMPIAD;
        Double max = olympiad ? max() : null;
        if (failed || kind == null || year == null || subject == null || grade == null) {
            return;
        }
        Procedure.Key key = new Procedure.Key(kind, year, subject, grade);
        String participant = c.has(Role.FULL_NAME) || c.has(Role.SURNAME)
                ? pseudonymizer.apply(school + "|" + keyYear(kind, year, date) + "|" + identity)
                : pseudonymizer.apply(identity);
        Result r = olympiad ? olympiad(key, school, participant, date, max) : passFail(key, school, participant, date);
        if (r != null && !failed) {
            offer(r);
        }
    }

    private void offer(Result r) {
        String here = "лист «" + table.sheet + "», строка " + line.number();
        String earlier = seen.computeIfAbsent(r.procedure(), k -> new HashMap<>()).putIfAbsent(r.participant(), here);
        if (earlier != null) {
            fail(table.columns.identity(), "тот же участник (ФИО и ОО), что и в строке «" + earlier
                    + "»: повтор результата в одной процедуре");
            return;
        }
        procedures.add(r.procedure());
        accepted++;
        absent += r.absent() ? 1 : 0;
        sink.accept(line.number(), r);
    }

    private Result olympiad(Procedure.Key key, String school, String participant, LocalDate date, Double max) {
        ProtocolColumns c = table.columns;
        int totalColumn = c.has(Role.TOTAL) ? c.of(Role.TOTAL) : c.of(Role.RESULT);
        String totalText = line.cell(totalColumn);
        boolean isAbsent = Values.isAbsent(totalText)
                || c.has(Role.STATUS) && Values.isAbsent(line.cell(c.of(Role.STATUS)));
        Double sum = isAbsent ? null : taskSum();
        Double total = isAbsent ? null : decimal(totalColumn);
        if (total != null && sum != null && Math.abs(total - sum) > 1e-6) {
            warnings.add(table.sheet, c.name(totalColumn), "итоговый балл не равен сумме баллов за задания; взят "
                    + "итоговый", line.number(), totalText);
        }
        total = total != null ? total : sum;
        if (total == null && !isAbsent) {
            fail(totalColumn, "не указан балл участника");
        }
        if (total != null && total < 0) {
            fail(totalColumn, "отрицательный балл");
        } else if (total != null && max != null && total > max + EPSILON) {
            fail(totalColumn, "балл " + format(total) + " больше максимального (" + format(max) + ")");
        }
        OlympiadStatus status = isAbsent ? null : status();
        return new Result(key, school, participant, date, classLabel(), null, null, isAbsent, null, total, null,
                null, null, null, null, Result.Flags.NONE, status, max, null);
    }

    private Result passFail(Procedure.Key key, String school, String participant, LocalDate date) {
        ProtocolColumns c = table.columns;
        int column = c.has(Role.PASS_FAIL) ? c.of(Role.PASS_FAIL) : c.of(Role.RESULT);
        String raw = line.cell(column);
        boolean isAbsent = Values.isAbsent(raw);
        Boolean passed = null;
        if (!isAbsent) {
            try {
                passed = Spellings.passFail(raw);
            } catch (IllegalArgumentException e) {
                fail(column, e.getMessage() + " (или «+» / «-», «не явился»)");
            }
            if (passed == null && !failed) {
                fail(column, "не указан результат: ожидается «зачёт» или «незачёт»");
            }
        }
        return new Result(key, school, participant, date, classLabel(), null, null, isAbsent, null, null, null,
                null, passed, null, null, Result.Flags.NONE, null, null, null);
    }

    private Double taskSum() {
        int[] tasks = table.columns.all(Role.TASK);
        Double sum = null;
        for (int t : tasks) {
            String v = line.cell(t);
            if (Values.isNotAttempted(v)) {
                continue;
            }
            Double d = decimal(t);
            sum = d == null ? sum : (sum == null ? 0 : sum) + d;
        }
        return sum;
    }

    /** The row's «Макс. балл», else the one named above the table or in the header («Итого (макс. 50)»). */
    private Double max() {
        int column = table.columns.of(Role.MAX);
        Double max = column >= 0 ? decimal(column) : null;
        if (max == null) {
            max = table.heading.max();
        }
        if (max == null) {
            for (Role r : new Role[] {Role.MAX, Role.TOTAL}) {
                int c = table.columns.of(r);
                max = max == null && c >= 0 ? Heading.max(table.columns.name(c)) : max;
            }
        }
        if (max == null) {
            once("не указан максимальный балл: нужен столбец «Макс. балл» или строка «Максимальный балл: N» над "
                    + "таблицей — без него результат нельзя сравнить с другими этапами");
        }
        return max;
    }

    /** «Статус»; in a table with «Итого», a «Результат (участия)» column holds the status. */
    private OlympiadStatus status() {
        ProtocolColumns c = table.columns;
        int column = c.has(Role.STATUS) ? c.of(Role.STATUS) : c.has(Role.TOTAL) ? c.of(Role.RESULT) : -1;
        if (column < 0) {
            return null;
        }
        String raw = line.cell(column);
        OlympiadStatus s = Spellings.status(raw);
        if (s == null) {
            fail(column, "«" + raw.trim() + "»: ожидается «победитель», «призёр» или «участник»");
        }
        return s;
    }

    private ProcedureKind kind() {
        int column = table.columns.of(Role.STAGE);
        ProcedureKind kind = column >= 0 && !line.cell(column).isBlank() ? Heading.stage(line.cell(column))
                : table.heading.kind();
        if (column >= 0 && !line.cell(column).isBlank() && kind == null) {
            fail(column, "«" + line.cell(column).trim() + "»: ожидается этап олимпиады (школьный, муниципальный, "
                    + "региональный, заключительный)");
            return null;
        }
        if (table.kind == ProtocolReader.Kind.PASS_FAIL) {
            return passFailKind(kind);
        }
        if (kind == null || !kind.isOlympiad()) {
            once("не удалось определить этап олимпиады: ожидается «школьный этап», «муниципальный этап», "
                    + "«региональный этап» или «заключительный этап» (ШЭ, МЭ, РЭ, ЗЭ) над таблицей, в названии листа "
                    + "или файла, или столбец «Этап»");
            return null;
        }
        return kind;
    }

    /** ИС or ИС-9 from the heading, else from the class: 11 (or 10) — сочинение, 9 — собеседование. */
    private ProcedureKind passFailKind(ProcedureKind named) {
        if (named != null && named.isPassFail()) {
            return named;
        }
        Integer grade = gradeInFile();
        if (grade != null && (grade == 10 || grade == 11)) {
            return ProcedureKind.ESSAY;
        }
        if (grade != null && grade == 9) {
            return ProcedureKind.INTERVIEW;
        }
        once("не удалось определить процедуру: ожидается «итоговое сочинение» («изложение») или «итоговое "
                + "собеседование» над таблицей, в названии листа или файла, или класс 11 / 9");
        return null;
    }

    private LocalDate date() {
        int column = table.columns.of(Role.DATE);
        String raw = column < 0 ? "" : line.cell(column).trim();
        if (raw.isEmpty()) {
            return table.heading.date();
        }
        if (raw.matches("\\d{5}")) {
            return EXCEL_EPOCH.plusDays(Long.parseLong(raw));
        }
        LocalDate d = Heading.date(raw);
        if (d == null) {
            fail(column, "«" + raw + "» — не дата: ожидается 15.10.2025");
        }
        return d;
    }

    /**
     * The calendar year of the procedure: of its date; else from the school year «2025/2026» — the autumn for the
     * school and municipal stages and the сочинение (December), the spring for the regional and final stages and
     * the собеседование (February); else a year named in the heading.
     */
    private Integer year(ProcedureKind kind, LocalDate date) {
        if (date != null) {
            return date.getYear();
        }
        Heading h = table.heading;
        if (h.schoolYear() != null && kind != null) {
            boolean autumn = kind == ProcedureKind.OLYMPIAD_SCHOOL || kind == ProcedureKind.OLYMPIAD_MUNICIPAL
                    || kind == ProcedureKind.ESSAY;
            return h.schoolYear() + (autumn ? 0 : 1);
        }
        if (h.year() == null) {
            once("не удалось определить год: ожидается дата (15.10.2025) или учебный год (2025/2026) над таблицей, "
                    + "в названии листа или файла, или столбец «Дата»");
        }
        return h.year();
    }

    /** The olympiad's participants are keyed by the autumn of its school year, so that all its stages link. */
    private static int keyYear(ProcedureKind kind, int year, LocalDate date) {
        if (!kind.isOlympiad()) {
            return year;
        }
        if (date != null) {
            return date.getMonthValue() >= 7 ? year : year - 1;
        }
        return kind == ProcedureKind.OLYMPIAD_REGIONAL || kind == ProcedureKind.OLYMPIAD_FINAL ? year - 1 : year;
    }

    private String subject() {
        int column = table.columns.of(Role.SUBJECT);
        if (column >= 0 && !line.cell(column).isBlank()) {
            String v = line.cell(column).trim();
            return directory.subjectCode(v).orElseGet(() -> {
                fail(column, "предмет «" + v + "» не найден в справочнике предметов");
                return null;
            });
        }
        Optional<String> found = table.kind == ProtocolReader.Kind.PASS_FAIL ? directory.subjectCode("Русский язык")
                : table.heading.subject(directory);
        if (found.isEmpty()) {
            once(table.kind == ProtocolReader.Kind.PASS_FAIL ? "в справочнике предметов нет «Русский язык»"
                    : "не удалось определить предмет: ожидается «по математике» или «Предмет: Математика» над "
                    + "таблицей, название листа или файла, или столбец «Предмет»");
        }
        return found.orElse(null);
    }

    /** Класс участия; else the grade of the класс обучения; else the heading's («7 класс»); ИС 11, ИС-9 9. */
    private Integer grade(ProcedureKind kind) {
        ProtocolColumns c = table.columns;
        int participation = c.of(Role.PARTICIPATION_CLASS);
        String raw = participation < 0 ? "" : line.cell(participation).trim();
        Integer grade = raw.isEmpty() ? null : Spellings.participationGrade(raw);
        if (!raw.isEmpty() && (grade == null || grade < 1 || grade > 11)) {
            fail(participation, "«" + raw + "» — не класс участия (1–11)");
            return null;
        }
        grade = grade != null ? grade : studyGrade();
        grade = grade != null ? grade : table.heading.grade();
        if (grade == null && kind != null && kind.isPassFail()) {
            grade = kind == ProcedureKind.ESSAY ? 11 : 9;
        }
        if (grade == null && !failed) {
            fail(-1, "не указан класс: нужен столбец «Класс участия» или «Класс» либо строка «7 класс» над таблицей");
        }
        return grade;
    }

    private Integer gradeInFile() {
        int participation = table.columns.of(Role.PARTICIPATION_CLASS);
        Integer g = participation < 0 ? null : Spellings.participationGrade(line.cell(participation));
        g = g != null ? g : studyGrade();
        return g != null ? g : table.heading.grade();
    }

    private Integer studyGrade() {
        int study = table.columns.of(Role.STUDY_CLASS);
        String raw = study < 0 ? "" : line.cell(study).trim();
        if (raw.isEmpty()) {
            return null;
        }
        Integer g = Spellings.studyGrade(raw);
        if (g == null || g < 1 || g > 11) {
            fail(study, "«" + raw + "» — не класс обучения (1–11, например 7 или 7Б)");
            return null;
        }
        return g;
    }

    /** The class of study as a label («6», «6Б»): it may differ from the participation class (data-formats §3). */
    private String classLabel() {
        int study = table.columns.of(Role.STUDY_CLASS);
        String raw = study < 0 ? "" : line.cell(study).replaceAll("(?iu)\\s*(класс|кл\\.?)\\s*", "").trim();
        Integer g = raw.isEmpty() ? null : Spellings.studyGrade(raw);
        return g == null ? null : Values.classLabel(raw, g);
    }

    /** The school of the row's «ОО» cell, or the one named above the table, by any identifier or by its name. */
    private String school(int year) {
        int column = table.columns.of(Role.SCHOOL);
        if (column >= 0) {
            String v = line.cell(column).trim();
            if (v.isEmpty()) {
                fail(column, "не указана образовательная организация");
                return null;
            }
            return schools.computeIfAbsent(year + "|" + v, k -> resolve(v, year)).orElseGet(() -> {
                fail(column, unknownSchool(v, year));
                return null;
            });
        }
        for (String text : table.heading.texts()) {
            for (String candidate : new String[] {text, text.substring(text.lastIndexOf(':') + 1)}) {
                Optional<String> found = schools.computeIfAbsent(year + "|" + candidate.trim(),
                        k -> resolve(candidate.trim(), year));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        once("не указана образовательная организация: нужен столбец «ОО» (код или название школы) или строка с "
                + "названием школы над таблицей");
        return null;
    }

    private Optional<String> resolve(String v, int year) {
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> byCode = directory.schoolCode(v, year);
        if (byCode.isPresent()) {
            return byCode;
        }
        List<String> named = directory.schoolsNamed(v);
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private String unknownSchool(String v, int year) {
        List<String> named = directory.schoolsNamed(v);
        if (named.size() > 1) {
            return "название «" + v + "» носят несколько школ справочника (коды " + String.join(", ", named)
                    + "): укажите код школы";
        }
        List<String> similar = directory.similarSchoolNames(v);
        return "школа «" + v + "» не найдена в справочнике школ ни по коду, ни по названию (на " + year + " год)"
                + (similar.isEmpty() ? "" : "; похожие: " + String.join("; ", similar))
                + "; добавьте название в псевдонимы школы (aliases в schools.csv)";
    }

    /** «Фамилия Имя Отчество» (or the participant code) for the key; the values never appear in a message. */
    private String identity() {
        ProtocolColumns c = table.columns;
        if (c.has(Role.FULL_NAME)) {
            return required(c.of(Role.FULL_NAME), "не указаны фамилия, имя, отчество участника");
        }
        if (c.has(Role.SURNAME)) {
            String surname = required(c.of(Role.SURNAME), "не указана фамилия участника");
            String name = c.has(Role.FIRST_NAME) ? required(c.of(Role.FIRST_NAME), "не указано имя участника") : "";
            String patronymic = c.has(Role.PATRONYMIC) ? line.cell(c.of(Role.PATRONYMIC)).trim() : "";
            return surname + " " + name + " " + patronymic;
        }
        return required(c.of(Role.CODE), "не указан код участника");
    }

    private String required(int column, String message) {
        String v = line.cell(column).trim();
        if (v.isEmpty()) {
            fail(column, message);
        }
        return v;
    }

    private Double decimal(int column) {
        if (column < 0) {
            return null;
        }
        try {
            return Values.decimal(line.cell(column));
        } catch (IllegalArgumentException e) {
            fail(column, e.getMessage());
            return null;
        }
    }

    /** A problem of the whole table: reported once, at its header row; every row of the table fails. */
    private void once(String message) {
        failed = true;
        if (table.reported.add(message)) {
            problems.add(new Problem(fileName, table.sheet, table.headerRow, null, message));
        }
    }

    private void fail(int column, String message) {
        failed = true;
        problems.add(new Problem(fileName, table.sheet, line.number(), table.columns.name(column), message));
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d).replace('.', ',');
    }
}
