package ru.msoko.core.fisoko;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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
import ru.msoko.core.domain.TaskScores;

/**
 * Streams a ФИС ОКО ВПР workbook (any {@link FisOkoFormat}) into the same sink as the canonical reader:
 * the task layout first, then one {@link Result} per participant row, pseudonymised at the door. The file
 * is read row by row (fastexcel), never held in memory; a positional export without a codifier is read
 * twice, the first time only to find the highest score of each position.
 */
public final class FisOkoReader {

    /** A school as the file writes it, with its municipality (2022: «reg22_m019 | Красногорский …»; 2021: a name). */
    public record SchoolOrigin(String login, String name, String municipalityCode, String municipalityName) {
    }

    /** What was read. */
    public record Summary(String fileName, FisOkoFormat format, String sheet, long rows, long accepted, long absent,
                          TaskLayout layout, Procedure.Key procedure, Problems problems, List<String> warnings,
                          Map<String, SchoolOrigin> schools) {
    }

    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;
    private final WorkReference reference;

    /**
     * @param pseudonymizer turns {@code school|year|code} into the stored participant key
     * @param reference codifiers and maximum scores for the positional exports
     */
    public FisOkoReader(Directory directory, UnaryOperator<String> pseudonymizer, WorkReference reference) {
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.reference = reference;
    }

    /**
     * @param fileName the user's name of the file (shown in messages, and a source of {@code hints})
     * @throws InputException when the file is not a ФИС ОКО workbook or its header or work cannot be recognised
     */
    public Summary read(Path path, String fileName, FileHints hints, Problems problems,
                        CanonicalResultsReader.Sink sink) throws IOException {
        try (Workbook book = Workbook.open(path, fileName)) {
            FisOkoFormat format = FisOkoFormat.detect(book).orElseThrow(() -> new InputException(Problem.ofFile(fileName,
                    "это не файл ВПР из ФИС ОКО: нет листа «Протокол» и заголовка выгрузки «Проведение работы»")));
            FormFacts facts = format == FisOkoFormat.FORM ? FormFacts.read(book) : FormFacts.NONE;
            Procedure.Key key = ProcedureKeys.resolve(fileName, hints, facts, directory);
            Warnings warnings = new Warnings();
            RowConverter.Context ctx;
            try (Workbook.Rows rows = participantRows(book, format)) {
                Workbook.Line head = rows.next();
                if (head == null) {
                    throw new InputException(new Problem(fileName, rows.name(), 0, null, "на листе нет заголовка"));
                }
                Columns columns = new Columns(head.cells(), format);
                if (!columns.errors.isEmpty()) {
                    throw new InputException(columns.errors.stream()
                            .map(e -> new Problem(fileName, rows.name(), head.number(), null, e)).toList());
                }
                ctx = context(book, format, columns, key, fileName, rows.name(), hints, warnings);
            }
            sink.start(ctx.layout());
            try (Workbook.Rows rows = participantRows(book, format)) {
                rows.next();
                return readRows(rows, format, ctx, problems, warnings, sink);
            }
        }
    }

    private static Workbook.Rows participantRows(Workbook book, FisOkoFormat format) {
        return format.resultsSheet() == null ? book.first() : book.sheet(format.resultsSheet()).orElseThrow();
    }

    private RowConverter.Context context(Workbook book, FisOkoFormat format, Columns columns, Procedure.Key key,
                                         String fileName, String sheet, FileHints hints, Warnings warnings) {
        if (format == FisOkoFormat.FORM) {
            TaskLayout layout = columns.headerLayout;
            return new RowConverter.Context(fileName, sheet, columns, columns.tasks, layout, true, key, layout.maxTotal(),
                    hints.schoolLogin());
        }
        var codified = reference.positions().apply(key);
        if (codified.isPresent() && codified.get().size() == columns.tasks.length) {
            TaskLayout layout = codified.get();
            return new RowConverter.Context(fileName, sheet, columns, columns.tasks, layout, false, key,
                    layout.maxTotal(), null);
        }
        String why = codified.isPresent()
                ? "кодификатор работы описывает " + codified.get().size() + " заданий, а в файле " + columns.tasks.length
                + " позиций, поэтому он не применён"
                : "кодификатор работы не найден";
        TaskLayout layout = observedLayout(book, format, columns);
        warnings.add(sheet, null, why + ": задания названы номерами позиций, максимальный балл задания — наибольший "
                + "балл в файле", 1, null);
        OptionalInt max = reference.maxPrimary().apply(key);
        return new RowConverter.Context(fileName, sheet, columns, Arrays.copyOf(columns.tasks, layout.size()), layout,
                false, key, max.isPresent() ? max.getAsInt() : null, null);
    }

    /**
     * Positions named by number, each with the highest score found in it; trailing positions empty in every
     * row (the 2020 export always has 40) are left out.
     */
    private static TaskLayout observedLayout(Workbook book, FisOkoFormat format, Columns columns) {
        int[] max = new int[columns.tasks.length];
        Arrays.fill(max, -1);
        try (Workbook.Rows rows = participantRows(book, format)) {
            rows.next();
            Workbook.Line line;
            while ((line = rows.next()) != null) {
                for (int p = 0; p < max.length; p++) {
                    max[p] = Math.max(max[p], score(line.cell(columns.tasks[p])));
                }
            }
        }
        int used = max.length;
        while (used > 0 && max[used - 1] < 0) {
            used--;
        }
        List<TaskLayout.Task> tasks = new ArrayList<>();
        for (int p = 0; p < used; p++) {
            tasks.add(new TaskLayout.Task(String.valueOf(p + 1), Math.max(0, max[p])));
        }
        return new TaskLayout(tasks);
    }

    /** A score for the first pass: -1 for empty, «X» and anything that is not a score (the main pass reports it). */
    private static int score(String raw) {
        if (Dirty.notAttempted(raw) || !raw.matches("\\d{1,2}")) {
            return raw.isBlank() ? -1 : 0;
        }
        return Math.min(Integer.parseInt(raw), TaskScores.MAX_TASK_SCORE);
    }

    private Summary readRows(Workbook.Rows rows, FisOkoFormat format, RowConverter.Context ctx, Problems problems,
                             Warnings warnings, CanonicalResultsReader.Sink sink) {
        RowConverter converter = new RowConverter(ctx, directory, pseudonymizer, problems, warnings);
        AcceptedResults out = new AcceptedResults(sink);
        long count = 0;
        Workbook.Line line;
        while ((line = rows.next()) != null) {
            count++;
            Result r = converter.convert(line);
            long earlier = r == null ? -1 : out.offer(line.number(), r);
            if (earlier >= 0) {
                problems.add(new Problem(ctx.fileName(), ctx.sheet(), line.number(), ctx.columns().name(ctx.columns().code),
                        "участник с этим кодом уже есть в этой школе (строка " + earlier + "): повтор результата"));
            }
        }
        if (count == 0) {
            problems.add(new Problem(ctx.fileName(), ctx.sheet(), 0, null, "на листе нет ни одной строки с участниками"));
        }
        return new Summary(ctx.fileName(), format, ctx.sheet(), count, out.accepted(), out.absent(), ctx.layout(),
                ctx.key(), problems, warnings.messages(), converter.schools());
    }
}
