package ru.msoko.core.gia;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.AcceptedResults;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.Warnings;
import ru.msoko.core.fisoko.Workbook;

/**
 * Streams a РЦОИ participant results sheet of the ОГЭ, ГВЭ-9, ЕГЭ or ГВЭ-11 (data-formats §2.1: title in A1,
 * header below it, one row per participant with full name, school code and the answer strings) into the same
 * sink as the other results readers. The sheet is read twice, row by row: the first pass finds the task layout
 * (see {@link Survey}), the second converts the rows. The participant key is the pseudonym of
 * {@code school|year|Фамилия Имя Отчество}; names are never stored, logged or shown.
 */
public final class RcoiReader {

    /** How far down a sheet the header may start (it is row 2 in real files). */
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final String NOT_RCOI = "это не ведомость РЦОИ: ни на одном листе в первых строках нет заголовка "
            + "со столбцами «Фамилия», «Задания с кратким ответом» (или «с развёрнутым ответом») и «Первичный балл»";

    /** What was read. */
    public record Summary(String fileName, String sheet, long rows, long accepted, long absent, TaskLayout layout,
                          Procedure.Key procedure, Problems problems, List<String> warnings,
                          Map<String, FisOkoReader.SchoolOrigin> schools) {
    }

    /** Where the participants are: the sheet, its title above the header, and the header row. */
    private record Located(String sheet, String title, long titleRow, Workbook.Line header) {
    }

    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;

    /** @param pseudonymizer turns {@code school|year|full name} into the stored participant key */
    public RcoiReader(Directory directory, UnaryOperator<String> pseudonymizer) {
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
    }

    /** Whether some sheet of the workbook has the header of a РЦОИ sheet near its top. */
    public static boolean recognises(Path path) {
        try (Workbook book = Workbook.open(path, path.getFileName().toString())) {
            return locate(book).isPresent();
        } catch (InputException | IOException e) {
            return false;
        }
    }

    /**
     * @param fileName the user's name of the file (shown in messages; it may name the exam and its date)
     * @throws InputException when the file is not a РЦОИ sheet or its header or exam cannot be recognised
     */
    public Summary read(Path path, String fileName, Problems problems, CanonicalResultsReader.Sink sink)
            throws IOException {
        try (Workbook book = Workbook.open(path, fileName)) {
            Located at = locate(book).orElseThrow(() -> new InputException(Problem.ofFile(fileName, NOT_RCOI)));
            RcoiColumns columns = new RcoiColumns(at.header().cells());
            if (!columns.errors.isEmpty()) {
                throw new InputException(columns.errors.stream()
                        .map(e -> new Problem(fileName, at.sheet(), at.header().number(), null, e)).toList());
            }
            Survey survey;
            try (Workbook.Rows rows = rowsAfterHeader(book, at)) {
                survey = Survey.of(rows, columns);
            }
            SheetExam exam = SheetExam.resolve(fileName, at.sheet(), at.title(), at.titleRow(), survey.classGrade(),
                    directory);
            Warnings warnings = new Warnings();
            columns.skipped.forEach(w -> warnings.add(at.sheet(), null, w, at.header().number(), null));
            if (survey.digitScored()) {
                warnings.add(at.sheet(), columns.name(columns.shortAnswers), "максимальный балл задания с кратким "
                        + "ответом, оценённого цифрой, взят как наибольший балл в ведомости", at.header().number(), null);
            }
            TaskLayout layout = survey.layout();
            sink.start(layout);
            var sheet = new ParticipantRow.Sheet(fileName, at.sheet(), columns, exam, layout, survey.shortCount(),
                    survey.criteriaMaxima());
            try (Workbook.Rows rows = rowsAfterHeader(book, at)) {
                return readRows(rows, sheet, problems, warnings, sink);
            }
        }
    }

    private Summary readRows(Workbook.Rows rows, ParticipantRow.Sheet sheet, Problems problems, Warnings warnings,
                             CanonicalResultsReader.Sink sink) {
        ParticipantRow converter = new ParticipantRow(sheet, directory, pseudonymizer, problems, warnings);
        AcceptedResults out = new AcceptedResults(sink);
        long count = 0;
        for (Workbook.Line line = rows.next(); line != null; line = rows.next()) {
            count++;
            Result r = converter.convert(line);
            long earlier = r == null ? -1 : out.offer(line.number(), r);
            if (earlier >= 0) {
                problems.add(new Problem(sheet.fileName(), sheet.name(), line.number(),
                        sheet.columns().name(sheet.columns().surname), "тот же участник (фамилия, имя, отчество и код "
                        + "ОО), что и в строке " + earlier + ": повтор результата"));
            }
        }
        if (count == 0) {
            problems.add(new Problem(sheet.fileName(), sheet.name(), 0, null, "на листе нет ни одной строки с участниками"));
        }
        return new Summary(sheet.fileName(), sheet.name(), count, out.accepted(), out.absent(), sheet.layout(),
                sheet.exam().key(), problems, warnings.messages(), converter.schools());
    }

    private static Optional<Located> locate(Workbook book) {
        for (String name : book.sheetNames()) {
            try (Workbook.Rows rows = book.sheet(name).orElseThrow()) {
                Workbook.Line first = null;
                Workbook.Line line = rows.next();
                for (int i = 0; i < HEADER_SEARCH_ROWS && line != null; i++, line = rows.next()) {
                    if (RcoiColumns.isHeader(line.cells())) {
                        return Optional.of(new Located(rows.name(), first == null ? "" : title(first),
                                first == null ? line.number() : first.number(), line));
                    }
                    first = first == null ? line : first;
                }
            }
        }
        return Optional.empty();
    }

    /** The text of the title row (A1, sometimes merged over several cells). */
    private static String title(Workbook.Line line) {
        return String.join(" ", java.util.Arrays.stream(line.cells()).filter(c -> !c.isBlank()).toList());
    }

    private static Workbook.Rows rowsAfterHeader(Workbook book, Located at) {
        Workbook.Rows rows = book.sheet(at.sheet()).orElseThrow();
        Workbook.Line line = rows.next();
        while (line != null && line.number() < at.header().number()) {
            line = rows.next();
        }
        return rows;
    }
}
