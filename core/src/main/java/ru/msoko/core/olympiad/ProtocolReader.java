package ru.msoko.core.olympiad;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.canonical.Values;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.fisoko.Warnings;
import ru.msoko.core.fisoko.Workbook;

/**
 * Streams ВсОШ protocols of any stage (data-formats §3: a ranking table with ФИО, ОО, класс обучения and класс
 * участия, scores per task and «Итого», «Макс. балл», «Статус») and lists of итоговое сочинение (изложение) /
 * собеседование results (зачёт/незачёт) into the same sink as the other results readers. Every sheet of the
 * workbook is searched for tables, recognised by the meaning of their headers; the rows above a table (title,
 * subject, stage, date, maximum), the sheet name and the file name say what the procedure is. The participation
 * class is the grade of the procedure; the class of study is kept as the class label. The participant key is the
 * pseudonym of {@code school|year|ФИО} (the olympiad year is the autumn of its school year for every stage, so that
 * the stages of one olympiad link); names are never stored, logged or shown.
 */
public final class ProtocolReader {

    /** What a table holds. */
    public enum Kind { OLYMPIAD, PASS_FAIL }

    /** What was read. */
    public record Summary(String fileName, long rows, long accepted, long absent, Set<Procedure.Key> procedures,
                          Problems problems, List<String> warnings) {
    }

    /** How far down a sheet the first header may start. */
    static final int HEADER_SEARCH_ROWS = 30;
    private static final String NOT_PROTOCOL = "это не протокол олимпиады и не ведомость итогового сочинения "
            + "(собеседования): ни на одном листе нет строки заголовка со столбцами «ФИО» (или «Фамилия») и «Итого» "
            + "(«Балл»), «Статус» или «Результат» (зачёт/незачёт)";

    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;

    /** @param pseudonymizer turns {@code school|year|full name} into the stored participant key */
    public ProtocolReader(Directory directory, UnaryOperator<String> pseudonymizer) {
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
    }

    /** The kind of the first table found near the top of some sheet; empty when there is none or not an xlsx. */
    public static Optional<Kind> recognise(Path path) {
        try (Workbook book = Workbook.open(path, path.getFileName().toString())) {
            for (String name : book.sheetNames()) {
                List<Workbook.Line> lines = lines(book, name, HEADER_SEARCH_ROWS + 1);
                for (int i = 0; i < lines.size(); i++) {
                    ProtocolColumns columns = ProtocolColumns.of(lines.get(i).cells(), next(lines, i));
                    if (columns != null) {
                        return Optional.of(Table.kind(columns, lines, i + columns.height));
                    }
                }
            }
            return Optional.empty();
        } catch (InputException | IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param fileName the user's name of the file (shown in messages; it may name the stage, subject and year)
     * @throws InputException when no sheet holds a protocol table
     */
    public Summary read(Path path, String fileName, Problems problems, CanonicalResultsReader.Sink sink)
            throws IOException {
        try (Workbook book = Workbook.open(path, fileName)) {
            sink.start(TaskLayout.EMPTY);
            Heading file = Heading.parse(fileName.replaceFirst("\\.[^.]+$", "").replace('_', ' '));
            Warnings warnings = new Warnings();
            ProtocolRow rows = new ProtocolRow(fileName, directory, pseudonymizer, problems, warnings, sink);
            boolean found = false;
            for (String name : book.sheetNames()) {
                found |= readSheet(name, lines(book, name, Integer.MAX_VALUE), file, rows, warnings);
            }
            if (!found) {
                throw new InputException(Problem.ofFile(fileName, NOT_PROTOCOL));
            }
            return new Summary(fileName, rows.rows, rows.accepted, rows.absent, rows.procedures, problems,
                    warnings.messages());
        }
    }

    /** @return whether the sheet holds a table */
    private boolean readSheet(String sheet, List<Workbook.Line> lines, Heading file, ProtocolRow rows,
                              Warnings warnings) {
        Heading base = sheetName(sheet).over(file);
        List<String> above = new ArrayList<>();
        Table table = null;
        for (int i = 0; i < lines.size(); ) {
            Workbook.Line line = lines.get(i);
            ProtocolColumns columns = table == null && i > HEADER_SEARCH_ROWS ? null
                    : ProtocolColumns.of(line.cells(), next(lines, i));
            boolean data = columns == null && table != null && table.isData(line);
            if (columns != null) {
                Heading heading = aboveHeading(above).over(table == null ? base : table.heading);
                Kind kind = Table.kind(columns, lines, i + columns.height);
                table = new Table(sheet, columns, line.number(), heading, kind);
                columns.ignored().forEach(h -> warnings.add(sheet, h, "столбец не распознан и пропущен", line.number(),
                        null));
                above.clear();
                i += columns.height;
                continue;
            }
            if (data) {
                rows.convert(table, line);
            } else if (table != null) {
                table.note(text(line));
            } else {
                above.add(text(line));
            }
            i++;
        }
        return table != null;
    }

    /** The rows above a table, the nearest first (a «7 класс» row right above the header beats the title). */
    private static Heading aboveHeading(List<String> above) {
        Heading h = Heading.NONE;
        for (String text : above) {
            h = Heading.parse(text).over(h);
        }
        return h;
    }

    /** A sheet named «7» or «7 класс» is a grade; «Математика» a subject. */
    private static Heading sheetName(String sheet) {
        Heading h = Heading.parse(sheet);
        String s = sheet.trim();
        if (h.grade() == null && s.matches("\\d{1,2}") && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= 11) {
            return new Heading(h.kind(), h.date(), h.schoolYear(), null, Integer.valueOf(s), h.max(), h.texts());
        }
        return h;
    }

    static String text(Workbook.Line line) {
        return String.join(" ", java.util.Arrays.stream(line.cells()).filter(c -> !c.isBlank()).toList());
    }

    private static String[] next(List<Workbook.Line> lines, int i) {
        return i + 1 < lines.size() ? lines.get(i + 1).cells() : null;
    }

    private static List<Workbook.Line> lines(Workbook book, String sheet, int limit) {
        List<Workbook.Line> out = new ArrayList<>();
        try (Workbook.Rows rows = book.sheet(sheet).orElseThrow()) {
            for (Workbook.Line line = rows.next(); line != null && out.size() < limit; line = rows.next()) {
                out.add(line);
            }
        }
        return out;
    }

    /** One table of a sheet: its columns, header row, what it holds and what is known about its procedure. */
    static final class Table {
        final String sheet;
        final ProtocolColumns columns;
        final long headerRow;
        final Kind kind;
        Heading heading;
        /** Messages about the whole table already reported (once per table, not once per row). */
        final Set<String> reported = new LinkedHashSet<>();

        Table(String sheet, ProtocolColumns columns, long headerRow, Heading heading, Kind kind) {
            this.sheet = sheet;
            this.columns = columns;
            this.headerRow = headerRow;
            this.heading = heading;
            this.kind = kind;
        }

        /**
         * An olympiad table has scores, a status or a maximum; otherwise a «Результат» column is pass/fail when its
         * first filled value is зачёт/незачёт (a minimal protocol «ФИО; ОО; Результат» holds scores).
         */
        static Kind kind(ProtocolColumns c, List<Workbook.Line> lines, int first) {
            if (c.has(Role.TOTAL) || c.has(Role.TASK) || c.has(Role.STATUS) || c.has(Role.MAX)) {
                return Kind.OLYMPIAD;
            }
            if (c.has(Role.PASS_FAIL)) {
                return Kind.PASS_FAIL;
            }
            int result = c.of(Role.RESULT);
            for (int i = first; i < lines.size(); i++) {
                String v = lines.get(i).cell(result);
                if (!v.isBlank() && !Values.isAbsent(v)) {
                    try {
                        return Spellings.passFail(v) != null ? Kind.PASS_FAIL : Kind.OLYMPIAD;
                    } catch (IllegalArgumentException e) {
                        return Kind.OLYMPIAD;
                    }
                }
            }
            return Kind.PASS_FAIL;
        }

        /** A participant row: a score, status or result, or a participant with a school or class. */
        boolean isData(Workbook.Line line) {
            for (Role r : new Role[] {Role.TOTAL, Role.TASK, Role.STATUS, Role.RESULT, Role.PASS_FAIL}) {
                for (int c : columns.all(r)) {
                    if (!line.cell(c).isBlank()) {
                        return true;
                    }
                }
            }
            if (line.cell(columns.identity()).isBlank()) {
                return false;
            }
            for (Role r : new Role[] {Role.SCHOOL, Role.STUDY_CLASS, Role.PARTICIPATION_CLASS}) {
                int c = columns.of(r);
                if (c >= 0 && !line.cell(c).isBlank()) {
                    return true;
                }
            }
            return false;
        }

        /** A non-participant row inside the table («8 класс», «Максимальный балл: 60»): updates the heading. */
        void note(String text) {
            heading = Heading.parse(text).over(heading);
        }
    }
}
