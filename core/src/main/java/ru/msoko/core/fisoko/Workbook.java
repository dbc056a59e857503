package ru.msoko.core.fisoko;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/**
 * An xlsx workbook opened for streaming: sheets are found by name (spaces around it and case ignored,
 * real files have «Признаки необъективности папка » with a trailing space) and read row by row, every
 * cell as text. Numbers come as plain decimals ({@code 40001}, not {@code 40001.0}).
 */
public final class Workbook implements AutoCloseable {

    private final String fileName;
    private final ReadableWorkbook book;

    private Workbook(String fileName, ReadableWorkbook book) {
        this.fileName = fileName;
        this.book = book;
    }

    public static Workbook open(Path path, String fileName) {
        try {
            return new Workbook(fileName, new ReadableWorkbook(path.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new InputException(Problem.ofFile(fileName, "файл не удаётся открыть как книгу Excel (xlsx): "
                    + parserWords(e)));
        }
    }

    String fileName() {
        return fileName;
    }

    public List<String> sheetNames() {
        return book.getSheets().map(Sheet::getName).toList();
    }

    public Optional<Rows> sheet(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return book.getSheets().filter(s -> s.getName().trim().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .map(this::rows);
    }

    /** Reads the first sheet whose first non-blank row {@code header} accepts (non-null); empty when none does. */
    <H, T> Optional<T> withHeadedSheet(Function<String[], H> header, BiFunction<Rows, H, T> read) {
        for (String name : sheetNames()) {
            try (Rows rows = sheet(name).orElseThrow()) {
                Line head = rows.next();
                H h = head == null ? null : header.apply(head.cells());
                if (h != null) {
                    return Optional.of(read.apply(rows, h));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some sheet of the file starts with a row {@code header} accepts; {@code false} for a non-xlsx file. */
    static boolean hasHeadedSheet(Path path, Function<String[], ?> header) {
        try (Workbook book = open(path, path.getFileName().toString())) {
            return book.withHeadedSheet(header, (rows, h) -> Boolean.TRUE).isPresent();
        } catch (InputException | IOException e) {
            return false;
        }
    }

    public Rows first() {
        return rows(book.getFirstSheet());
    }

    private Rows rows(Sheet sheet) {
        try {
            return new Rows(sheet.getName(), sheet.openStream());
        } catch (IOException | RuntimeException e) {
            throw unreadable(sheet.getName(), 0, e);
        }
    }

    /**
     * A damaged sheet (its XML broken, or refused by the parser: fastexcel's ExcelReaderException is unchecked);
     * the parser's message is kept to its first line (Aalto adds «at [row,col]» of the XML on the next).
     */
    private InputException unreadable(String sheet, long lastRow, Exception e) {
        String why = parserWords(e);
        return new InputException(new Problem(fileName, sheet, 0, null, "лист не читается"
                + (lastRow > 0 ? " после строки " + lastRow : "") + ": книга Excel повреждена (" + why
                + "). Сохраните книгу в Excel заново и загрузите ещё раз"));
    }

    /**
     * The first line of the innermost cause's message: the parser's own words, not a wrapper's
     * «com.fasterxml…WFCException: …» (found by ImportFuzzTest); Aalto adds «at [row,col]» on the next line.
     */
    private static String parserWords(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
    }

    @Override
    public void close() throws IOException {
        book.close();
    }

    /** One row of a sheet: its 1-based number and the text of its cells. */
    public record Line(long number, String[] cells) {

        public String cell(int column) {
            return column >= 0 && column < cells.length ? cells[column] : "";
        }

        boolean isBlank() {
            for (String c : cells) {
                if (!c.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The rows of one sheet in order; blank rows are skipped. */
    public final class Rows implements AutoCloseable {
        private final String name;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private long last;

        private Rows(String name, Stream<Row> stream) {
            this.name = name;
            this.stream = stream;
            this.rows = stream.iterator();
        }

        public String name() {
            return name;
        }

        /** The next non-blank row, or {@code null} at the end of the sheet. */
        public Line next() {
            try {
                while (rows.hasNext()) {
                    Line line = line(rows.next());
                    last = line.number();
                    if (!line.isBlank()) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                // fastexcel parses rows and shared strings lazily: a damaged part surfaces here as its own exception,
                // as Aalto's XMLStreamException thrown unchecked, or as NumberFormatException /
                // IndexOutOfBoundsException from a broken cell reference (found by ImportFuzzTest)
                throw unreadable(name, last, e);
            }
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private static Line line(Row row) {
        String[] cells = new String[row.getCellCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = text(row.getCell(i));
        }
        return new Line(row.getRowNum(), cells);
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getRawValue() == null) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getRawValue().trim();
    }
}
