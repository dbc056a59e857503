package ru.msoko.core.fisoko;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/**
 * The ФИС ОКО list of textbooks (the real {@code books.xlsx} of the Altai data, SOURCE.md): on the first sheet, column
 * A a textbook code ({@code ma4.8}), column B its bibliographic description (authors, title, level, grade,
 * publisher). The real file has no header; a first row such as «Код», «Учебник» is taken for one. It is recognised by
 * content: most of its first rows hold a code and a description.
 */
public final class TextbookListXlsx {

    /** The longest description stored; the longest in the real list has 233 characters. */
    public static final int MAX_DESCRIPTION = 2000;
    /** How many rows recognition looks at. */
    private static final int SAMPLE = 200;

    /** One textbook of the list. */
    public record Entry(long row, TextbookCode textbook, String description) {
        public String code() {
            return textbook.code();
        }

        public String subjectPrefix() {
            return textbook.prefix();
        }

        public int grade() {
            return textbook.grade();
        }
    }

    /**
     * What was read; the entries are valid only when there are no problems.
     *
     * @param placeholders rows «nan» — «Нет данных» skipped (see {@link #isPlaceholder})
     */
    public record Summary(String sheet, List<Entry> entries, int placeholders, List<Problem> problems) {
    }

    /** Names of the two columns for messages: the header's words, or the letters A and B in a list without one. */
    private record Names(String code, String description) {
        static final Names LETTERS = new Names("A", "B");
    }

    private TextbookListXlsx() {
    }

    /** Whether most of the first non-empty rows of the first sheet hold a textbook code in A and a text in B. */
    public static boolean recognises(Path path) {
        try (Workbook book = Workbook.open(path, path.getFileName().toString());
             Workbook.Rows rows = book.first()) {
            Workbook.Line line = rows.next();
            if (line != null && header(line).isPresent()) {
                line = rows.next();
            }
            int seen = 0;
            int textbooks = 0;
            for (; line != null && seen < SAMPLE; line = rows.next()) {
                seen++;
                if (TextbookCode.parse(line.cell(0)).isPresent() && !line.cell(1).isBlank()) {
                    textbooks++;
                }
            }
            return textbooks > 0 && textbooks * 2 > seen;
        } catch (InputException | IOException e) {
            return false;
        }
    }

    public static Summary read(Path path, String fileName) throws IOException {
        try (Workbook book = Workbook.open(path, fileName); Workbook.Rows rows = book.first()) {
            return entries(rows, fileName);
        }
    }

    private static Summary entries(Workbook.Rows rows, String fileName) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Entry> seen = new HashMap<>();
        int placeholders = 0;
        Workbook.Line line = rows.next();
        Optional<Names> header = line == null ? Optional.empty() : header(line);
        Names columns = header.orElse(Names.LETTERS);
        if (header.isPresent()) {
            line = rows.next();
        }
        for (; line != null; line = rows.next()) {
            String code = line.cell(0);
            String description = line.cell(1).strip();
            if (isPlaceholder(code, description)) {
                placeholders++;
                continue;
            }
            Problem problem = problem(line, columns, description, seen);
            if (problem != null) {
                problems.add(new Problem(fileName, rows.name(), line.number(), problem.column(), problem.message()));
                continue;
            }
            Entry entry = new Entry(line.number(), TextbookCode.parse(code).orElseThrow(), description);
            if (seen.putIfAbsent(entry.code(), entry) == null) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.ofFile(fileName, "в списке учебников нет ни одной строки с кодом (ma4.8) и описанием"));
        }
        return new Summary(rows.name(), entries, placeholders, problems);
    }

    /** What is wrong with a row (file and sheet are filled in by the caller), or {@code null}. */
    private static Problem problem(Workbook.Line line, Names columns, String description, Map<String, Entry> seen) {
        Optional<TextbookCode> code = TextbookCode.parse(line.cell(0));
        if (code.isEmpty()) {
            return at(columns.code(), "«" + line.cell(0) + "» — не код учебника ФИС ОКО: ожидаются предмет, класс, "
                    + "точка и номер (ma4.8, bio11.1)");
        }
        if (code.get().grade() < 1 || code.get().grade() > 11) {
            return at(columns.code(), "в коде «" + line.cell(0) + "» класс " + code.get().grade()
                    + ": ожидается от 1 до 11");
        }
        if (description.isEmpty()) {
            return at(columns.description(), "не заполнено описание учебника с кодом «" + code.get().code() + "»");
        }
        if (description.length() > MAX_DESCRIPTION) {
            return at(columns.description(), "описание длиннее " + MAX_DESCRIPTION + " символов");
        }
        Entry earlier = seen.get(code.get().code());
        if (earlier != null && !sameText(earlier.description(), description)) {
            return at(columns.code(), "код «" + code.get().code() + "» уже есть в строке " + earlier.row()
                    + " с другим описанием");
        }
        return null;
    }

    private static Problem at(String column, String message) {
        return new Problem(null, null, 0, column, message);
    }

    /** Descriptions differing only in spaces are one («Химия  8 класс» = «Химия 8 класс»). */
    private static boolean sameText(String a, String b) {
        return a.replaceAll("\\s+", " ").equalsIgnoreCase(b.replaceAll("\\s+", " "));
    }

    /**
     * The real list ends with the row «nan» — «Нет данных»: a form's empty textbook written out by pandas (SOURCE.md
     * of the Altai data, {@code books.xlsx} row 1004). It names no textbook and is skipped.
     */
    static boolean isPlaceholder(String code, String description) {
        return TextbookCode.normalise(code).equals("nan")
                && (description.isEmpty() || description.toLowerCase(Locale.ROOT).equals("нет данных"));
    }

    /** A first row that is a header: its A is no code and it says «код» in A or «учебник» / «описание» in B. */
    private static Optional<Names> header(Workbook.Line line) {
        String a = line.cell(0);
        String b = line.cell(1);
        if (TextbookCode.parse(a).isPresent()) {
            return Optional.empty();
        }
        String na = Columns.norm(a);
        String nb = Columns.norm(b);
        boolean named = na.contains("код") || nb.contains("учебник") || nb.contains("описание");
        return named && !isPlaceholder(a, b) ? Optional.of(new Names(a.isBlank() ? "A" : a, b.isBlank() ? "B" : b))
                : Optional.empty();
    }
}
