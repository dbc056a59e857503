package ru.msoko.core.canonical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;

/**
 * Streams a canonical {@code results.csv} (DESIGN §4): every row is validated and normalised, the
 * participant is pseudonymised before anything else sees it, and valid rows go to a sink. Invalid
 * rows are collected as {@link Problem}s with row and column; the caller decides (the importer
 * rejects the whole file when there is any).
 */
public final class CanonicalResultsReader {

    /** Receives valid rows in file order. */
    @FunctionalInterface
    public interface Sink {
        /** Called once, after the header is read, with the task layout of the file (maybe empty). */
        default void start(TaskLayout layout) {
        }

        void accept(long row, Result result);
    }

    /**
     * What was read.
     *
     * @param warnings things that do not stop the import (ignored unknown columns)
     */
    public record Summary(String fileName, String charset, char separator, long rows, long accepted, long absent,
                          TaskLayout layout, Set<Procedure.Key> procedures, Problems problems, List<String> warnings) {
    }

    private final Directory directory;
    private final UnaryOperator<String> pseudonymizer;
    private final int problemLimit;

    /**
     * @param pseudonymizer turns the participant value of the file into the stored key
     * @param problemLimit how many problems to keep in detail (all are counted)
     */
    public CanonicalResultsReader(Directory directory, UnaryOperator<String> pseudonymizer, int problemLimit) {
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.problemLimit = problemLimit;
    }

    public Summary read(Path path, String fileName, Sink sink) throws IOException {
        return read(path, fileName, new Problems(problemLimit), sink);
    }

    /**
     * Reads into the given problem collector, so that a sink can see whether the file already failed
     * (and, for example, stop writing).
     */
    public Summary read(Path path, String fileName, Problems problems, Sink sink) throws IOException {
        try (CsvTable table = CsvTable.open(path, fileName)) {
            ResultColumns columns = new ResultColumns(table.header());
            if (!columns.errors().isEmpty()) {
                List<Problem> list = new ArrayList<>();
                for (String e : columns.errors()) {
                    list.add(new Problem(fileName, null, 1, null, e));
                }
                throw new InputException(list);
            }
            sink.start(columns.layout());
            return readRows(table, columns, problems, sink);
        }
    }

    private Summary readRows(CsvTable table, ResultColumns columns, Problems problems, Sink sink) {
        Set<Procedure.Key> procedures = new LinkedHashSet<>();
        Map<Procedure.Key, ParticipantIndex> seen = new HashMap<>();
        ResultRowParser parser = new ResultRowParser(table.fileName(), table.header(), columns, directory, pseudonymizer);
        long rows = 0;
        long accepted = 0;
        long absent = 0;
        CsvLine rec;
        while ((rec = table.next()) != null) {
            rows++;
            long line = rec.getStartingLineNumber();
            Result result = parser.parse(rec, problems);
            if (result == null) {
                continue;
            }
            long earlier = seen.computeIfAbsent(result.procedure(), k -> new ParticipantIndex())
                    .putIfAbsent(result.participant(), line);
            if (earlier >= 0) {
                problems.add(new Problem(table.fileName(), null, line, table.header().get(columns.of("participant")),
                        "участник уже есть в этой процедуре (строка " + earlier + "): повтор результата"));
                continue;
            }
            procedures.add(result.procedure());
            accepted++;
            if (result.absent()) {
                absent++;
            }
            sink.accept(line, result);
        }
        if (rows == 0) {
            problems.add(Problem.ofFile(table.fileName(), "в файле нет ни одной строки с данными"));
        }
        List<String> warnings = new ArrayList<>();
        for (String u : columns.unknown()) {
            warnings.add("столбец «" + u + "» не относится к формату и пропущен");
        }
        return new Summary(table.fileName(), table.charset().name(), table.separator(), rows, accepted, absent,
                columns.layout(), procedures, problems, warnings);
    }
}
