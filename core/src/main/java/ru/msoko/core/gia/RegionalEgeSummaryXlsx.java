package ru.msoko.core.gia;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.fisoko.Workbook;

/**
 * The regional ЕГЭ summary by school (data-formats §2.2): a three-level header — fixed columns «Муниципалитет»,
 * «Образовательная организация», («Профиль»), «Всего выпускников…» merged down over the three header rows; then
 * the block «из них» (level 1) → «&lt;предмет&gt;» (level 2, merged across its indicators) → indicators (level 3):
 * «приняли участие», «не преодолели минимальный порог», «высокобалльники 80–99», «100 баллов», «средний балл»;
 * the preliminary version has only «выбрали предмет, чел.». A merged cell holds its text in its first cell only,
 * so levels 1 and 2 are filled to the right. Municipality and school are often written only in the first row of
 * their group (filled down); «Всего»/«Итого» rows are dropped (§2.2). Several rows of one school (by profile) are
 * combined: counts added, the mean weighted by participants. An optional «Код ОО», «Логин» or «ОГРН» column
 * identifies the school; otherwise its name does (the directory keeps names as aliases).
 */
public final class RegionalEgeSummaryXlsx {

    private static final int HEADER_SEARCH_ROWS = 15;
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
    private static final String NOT_SUMMARY = "это не сводная ведомость ЕГЭ по ОО: нет строки заголовка со столбцами "
            + "«Муниципалитет», «Образовательная организация» и блоком «из них» → предмет → показатели";

    private enum Measure { PARTICIPANTS, BELOW_MINIMUM, HIGH_SCORERS, HUNDRED, MEAN, CHOSE }

    /** A subject column: its subject (level 2), what it counts (level 3) and its header text for messages. */
    private record SubjectColumn(int index, String subject, Measure measure, String title) {
    }

    /** The header found on a sheet. */
    private record Header(String sheet, String title, long subjectRow, long indicatorRow, int municipality, int school,
                          int code, String codeTitle, int graduates, List<SubjectColumn> columns, List<String> ignored) {
    }

    private RegionalEgeSummaryXlsx() {
    }

    public static boolean recognises(Path path) {
        try (Workbook book = Workbook.open(path, path.getFileName().toString())) {
            return locate(book).isPresent();
        } catch (InputException | IOException e) {
            return false;
        }
    }

    /**
     * @param fileName the user's name of the file: the year is taken from the title above the header, else from it
     * @throws InputException when the layout is not recognised or the year is not found
     */
    public static ExamSchoolSummary.Summary read(Path path, String fileName) throws IOException {
        try (Workbook book = Workbook.open(path, fileName)) {
            Header h = locate(book).orElseThrow(() -> new InputException(Problem.ofFile(fileName, NOT_SUMMARY)));
            int year = year(h.title()).or(() -> year(fileName)).orElseThrow(() -> new InputException(Problem.ofFile(
                    fileName, "год ЕГЭ не найден ни в заголовке над таблицей, ни в имени файла")));
            try (Workbook.Rows rows = book.sheet(h.sheet()).orElseThrow()) {
                skipTo(rows, h.indicatorRow());
                return new Rows(fileName, h, year).read(rows);
            }
        }
    }

    private static Optional<Integer> year(String text) {
        Matcher m = YEAR.matcher(text);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** Reads up to and including the row with that number (the last header row). */
    private static void skipTo(Workbook.Rows rows, long number) {
        for (Workbook.Line l = rows.next(); l != null && l.number() < number; l = rows.next()) {
            // header and title rows
        }
    }

    private static Optional<Header> locate(Workbook book) {
        for (String sheet : book.sheetNames()) {
            try (Workbook.Rows rows = book.sheet(sheet).orElseThrow()) {
                StringBuilder title = new StringBuilder();
                Workbook.Line first = rows.next();
                for (int i = 0; first != null && i < HEADER_SEARCH_ROWS; i++) {
                    if (isTop(first.cells())) {
                        Workbook.Line second = rows.next();
                        Workbook.Line third = second == null ? null : rows.next();
                        if (third != null) {
                            return Optional.ofNullable(header(sheet, title.toString(), first, second, third));
                        }
                        return Optional.empty();
                    }
                    title.append(String.join(" ", first.cells())).append(' ');
                    first = rows.next();
                }
            }
        }
        return Optional.empty();
    }

    private static String key(String cell) {
        return cell.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ").trim();
    }

    private static boolean isTop(String[] cells) {
        boolean school = false;
        boolean ofThem = false;
        for (String c : cells) {
            String k = key(c);
            school |= k.startsWith("образовательная организация") || k.equals("оо") || k.startsWith("наименование оо");
            ofThem |= k.equals("из них");
        }
        return school && ofThem;
    }

    private static Header header(String sheet, String title, Workbook.Line top, Workbook.Line middle, Workbook.Line low) {
        int municipality = -1;
        int school = -1;
        int code = -1;
        int graduates = -1;
        int width = Math.max(top.cells().length, Math.max(middle.cells().length, low.cells().length));
        List<SubjectColumn> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        String level1 = "";
        String level2 = "";
        for (int i = 0; i < width; i++) {
            String t = key(top.cell(i));
            level1 = t.isEmpty() ? level1 : t;
            level2 = middle.cell(i).isBlank() ? (t.isEmpty() ? level2 : "") : middle.cell(i).trim();
            if (!level1.equals("из них")) {
                if (t.startsWith("муниципалитет") || t.startsWith("муниципальн") || t.equals("мо")) {
                    municipality = i;
                } else if (t.startsWith("образовательная организация") || t.equals("оо") || t.startsWith("наименование")) {
                    school = i;
                } else if (t.startsWith("код оо") || t.startsWith("логин") || t.equals("огрн")) {
                    code = i;
                } else if (t.startsWith("всего выпускников")) {
                    graduates = i;
                }
                continue;
            }
            String indicator = low.cell(i).trim();
            Optional<Measure> m = measure(key(indicator));
            if (m.isPresent() && !level2.isEmpty()) {
                columns.add(new SubjectColumn(i, level2, m.get(), level2 + ": " + indicator));
            } else if (!indicator.isEmpty()) {
                ignored.add(level2 + ": " + indicator);
            }
        }
        if (school < 0 || columns.isEmpty()) {
            return null;
        }
        return new Header(sheet, title, middle.number(), low.number(), municipality, school, code,
                code < 0 ? null : top.cell(code).trim(), graduates, columns, ignored);
    }

    /** Indicators by meaning (data-formats §2.2). */
    private static Optional<Measure> measure(String k) {
        Measure m = null;
        if (k.startsWith("приняли участие") || k.startsWith("участвовали") || k.startsWith("сдавали")) {
            m = Measure.PARTICIPANTS;
        } else if (k.contains("не преодолел") || k.contains("ниже минимальн")) {
            m = Measure.BELOW_MINIMUM;
        } else if (k.contains("высокобалл") || k.matches(".*80\\s*[-–—]\\s*99.*")) {
            m = Measure.HIGH_SCORERS;
        } else if (k.startsWith("100") || k.contains("стобалл")) {
            m = Measure.HUNDRED;
        } else if (k.startsWith("средний балл") || k.equals("средний")) {
            m = Measure.MEAN;
        } else if (k.startsWith("выбрали")) {
            m = Measure.CHOSE;
        }
        return Optional.ofNullable(m);
    }

    /** Reads the data rows, filling municipality and school down and combining the rows of one school. */
    private static final class Rows {
        private final String fileName;
        private final Header h;
        private final int year;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, Accumulated> bySchoolAndSubject = new LinkedHashMap<>();
        private int combined;
        private int totals;

        Rows(String fileName, Header h, int year) {
            this.fileName = fileName;
            this.h = h;
            this.year = year;
        }

        ExamSchoolSummary.Summary read(Workbook.Rows rows) {
            String municipality = "";
            String school = "";
            String code = "";
            for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
                String m = line.cell(h.municipality()).trim();
                String s = line.cell(h.school()).trim();
                if (isTotal(m) || isTotal(s)) {
                    totals++;
                    continue;
                }
                municipality = m.isEmpty() ? municipality : m;
                boolean newSchool = !s.isEmpty();
                school = newSchool ? s : school;
                String c = line.cell(h.code()).trim();
                code = !c.isEmpty() ? c : newSchool ? "" : code;
                if (school.isEmpty()) {
                    problems.add(new Problem(fileName, h.sheet(), line.number(), "Образовательная организация",
                            "не указана образовательная организация, и выше её нет"));
                    continue;
                }
                row(line, municipality, school, code);
            }
            List<ExamSchoolSummary.SchoolRow> out = bySchoolAndSubject.values().stream().map(a -> a.row(year)).toList();
            List<String> warnings = new ArrayList<>();
            if (totals > 0) {
                warnings.add("строк «Всего»/«Итого» пропущено: " + totals);
            }
            if (combined > 0) {
                warnings.add("ОО встречается в нескольких строках (по профилям): строки сложены, средний балл взвешен "
                        + "по числу участников; сложено строк: " + combined);
            }
            if (!h.ignored().isEmpty()) {
                warnings.add("нераспознанные показатели пропущены: " + String.join("; ", h.ignored()));
            }
            return new ExamSchoolSummary.Summary(h.sheet(), h.subjectRow(), out, problems, warnings);
        }

        private static boolean isTotal(String cell) {
            String k = key(cell);
            return k.startsWith("всего") || k.startsWith("итого");
        }

        private void row(Workbook.Line line, String municipality, String school, String code) {
            Integer graduates = count(line, h.graduates(), "Всего выпускников");
            Map<String, Integer[]> counts = new LinkedHashMap<>();
            Map<String, Double> means = new LinkedHashMap<>();
            for (SubjectColumn col : h.columns()) {
                Integer[] c = counts.computeIfAbsent(col.subject(), k -> new Integer[Measure.values().length]);
                if (col.measure() == Measure.MEAN) {
                    means.put(col.subject(), mean(line, col));
                } else {
                    c[col.measure().ordinal()] = count(line, col.index(), col.title());
                }
            }
            for (Map.Entry<String, Integer[]> e : counts.entrySet()) {
                Integer[] c = e.getValue();
                if (allEmpty(c) && means.get(e.getKey()) == null) {
                    continue;
                }
                check(line, e.getKey(), c);
                String identifier = code.isEmpty() ? school : code;
                String column = code.isEmpty() ? "Образовательная организация" : h.codeTitle();
                Accumulated a = new Accumulated(line.number(), column, identifier, school, municipality, e.getKey(),
                        graduates, c, means.get(e.getKey()));
                Accumulated earlier = bySchoolAndSubject.putIfAbsent(identifier + "|" + e.getKey(), a);
                if (earlier != null) {
                    earlier.add(a);
                    combined++;
                }
            }
        }

        private static boolean allEmpty(Integer[] c) {
            for (Integer v : c) {
                if (v != null) {
                    return false;
                }
            }
            return true;
        }

        /** Nobody counted twice: the parts never exceed the participants. */
        private void check(Workbook.Line line, String subject, Integer[] c) {
            Integer sat = c[Measure.PARTICIPANTS.ordinal()];
            if (sat == null) {
                return;
            }
            for (Measure m : List.of(Measure.BELOW_MINIMUM, Measure.HIGH_SCORERS, Measure.HUNDRED)) {
                Integer v = c[m.ordinal()];
                if (v != null && v > sat) {
                    problems.add(new Problem(fileName, h.sheet(), line.number(), titleOf(subject, m),
                            "значение " + v + " больше числа участников (" + sat + ")"));
                }
            }
        }

        private String titleOf(String subject, Measure m) {
            return h.columns().stream().filter(c -> c.subject().equals(subject) && c.measure() == m)
                    .map(SubjectColumn::title).findFirst().orElse(subject);
        }

        private Integer count(Workbook.Line line, int index, String title) {
            if (index < 0) {
                return null;
            }
            try {
                return Values.integer(line.cell(index), "число человек");
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(fileName, h.sheet(), line.number(), title, e.getMessage()));
                return null;
            }
        }

        private Double mean(Workbook.Line line, SubjectColumn col) {
            try {
                Double v = Values.decimal(line.cell(col.index()));
                if (v != null && (v < 0 || v > 100)) {
                    throw new IllegalArgumentException("средний балл " + line.cell(col.index()).trim()
                            + " вне 0–100");
                }
                return v;
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(fileName, h.sheet(), line.number(), col.title(), e.getMessage()));
                return null;
            }
        }
    }

    /** One school and subject, possibly over several rows. */
    private static final class Accumulated {
        private final long row;
        private final String column;
        private final String identifier;
        private final String name;
        private final String municipality;
        private final String subject;
        private Integer graduates;
        private final Integer[] counts;
        private Double meanTimesN;
        private Double mean;

        Accumulated(long row, String column, String identifier, String name, String municipality, String subject,
                    Integer graduates, Integer[] counts, Double mean) {
            this.row = row;
            this.column = column;
            this.identifier = identifier;
            this.name = name;
            this.municipality = municipality;
            this.subject = subject;
            this.graduates = graduates;
            this.counts = counts;
            this.mean = mean;
            Integer n = counts[Measure.PARTICIPANTS.ordinal()];
            this.meanTimesN = mean == null || n == null ? null : mean * n;
        }

        void add(Accumulated other) {
            graduates = sum(graduates, other.graduates);
            for (int i = 0; i < counts.length; i++) {
                counts[i] = sum(counts[i], other.counts[i]);
            }
            meanTimesN = meanTimesN == null || other.meanTimesN == null ? null : meanTimesN + other.meanTimesN;
            Integer n = counts[Measure.PARTICIPANTS.ordinal()];
            mean = meanTimesN == null || n == null || n == 0 ? null : meanTimesN / n;
        }

        private static Integer sum(Integer a, Integer b) {
            return a == null ? b : b == null ? a : Integer.valueOf(a + b);
        }

        ExamSchoolSummary.SchoolRow row(int year) {
            return new ExamSchoolSummary.SchoolRow(row, column, identifier, name, municipality, year, subject,
                    new ExamSchoolSummary.Measures(graduates, counts[Measure.CHOSE.ordinal()],
                            counts[Measure.PARTICIPANTS.ordinal()], counts[Measure.BELOW_MINIMUM.ordinal()],
                            counts[Measure.HIGH_SCORERS.ordinal()], counts[Measure.HUNDRED.ordinal()], mean, null, null));
        }
    }
}
