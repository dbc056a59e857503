package ru.msoko.core.fisoko;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the «Классы» sheet of a form says about the work: the year of the upload date, the subject and
 * grade of the textbook codes ({@code ma4.8}), and the grade most class labels start with («10 А»).
 * The class labels win over the textbook: grade 10 geography is taught from {@code geo11.*} books.
 */
record FormFacts(Integer year, String textbookPrefix, Integer textbookGrade, Integer classGrade) {

    static final FormFacts NONE = new FormFacts(null, null, null, null);

    private static final Pattern TEXTBOOK = Pattern.compile("([a-z]+)(\\d{1,2})\\.\\S*");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");
    private static final Pattern LEADING_GRADE = Pattern.compile("(\\d{1,2}).*");
    /** Excel counts days from 30.12.1899 when a date cell is stored as a number. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    static FormFacts read(Workbook book) {
        var sheet = book.sheet("Классы");
        if (sheet.isEmpty()) {
            return NONE;
        }
        try (Workbook.Rows rows = sheet.get()) {
            Workbook.Line head = rows.next();
            if (head == null) {
                return NONE;
            }
            List<String> names = Columns.normAll(head.cells());
            int date = names.indexOf("дата загрузки");
            int letter = Columns.startingWith(names, "буква");
            int textbook = Columns.startingWith(names, "основной учебник");
            Integer year = null;
            Map<String, Integer> prefixes = new HashMap<>();
            Map<Integer, Integer> textbookGrades = new HashMap<>();
            Map<Integer, Integer> classGrades = new HashMap<>();
            Workbook.Line line;
            while ((line = rows.next()) != null) {
                year = year != null ? year : year(line.cell(date));
                Matcher t = TEXTBOOK.matcher(line.cell(textbook).split("\\|")[0].trim().toLowerCase(Locale.ROOT));
                if (t.matches()) {
                    prefixes.merge(t.group(1), 1, Integer::sum);
                    textbookGrades.merge(Integer.parseInt(t.group(2)), 1, Integer::sum);
                }
                Matcher g = LEADING_GRADE.matcher(line.cell(letter));
                if (g.matches() && Integer.parseInt(g.group(1)) >= 4 && Integer.parseInt(g.group(1)) <= 11) {
                    classGrades.merge(Integer.parseInt(g.group(1)), 1, Integer::sum);
                }
            }
            return new FormFacts(year, mostCommon(prefixes), mostCommon(textbookGrades), mostCommon(classGrades));
        }
    }

    private static Integer year(String uploaded) {
        if (uploaded.matches("\\d{5}(\\.\\d+)?")) {
            return EXCEL_EPOCH.plusDays((long) Double.parseDouble(uploaded)).getYear();
        }
        Matcher m = YEAR.matcher(uploaded);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static <T> T mostCommon(Map<T, Integer> votes) {
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
