package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.privacy.Pseudonymizer;

/** Imports a canonical results.csv inside the transaction the caller opened. */
@Component
class ResultsImport {

    static final int PROBLEM_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DirectoryRepository directory;
    private final Pseudonymizer pseudonymizer;
    private final ImportLog log;
    private final MissingEntities missing;

    ResultsImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DirectoryRepository directory,
                  Pseudonymizer pseudonymizer, ImportLog log, MissingEntities missing) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.log = log;
        this.missing = missing;
    }

    ImportOutcome run(Path file, String fileName, String hash, String user, ImportOptions options,
                      TransactionStatus status) {
        try {
            if (options.createMissing()) {
                List<Problem> problems = missing.create(file, fileName, options.municipalityCode());
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                    return new ImportOutcome.Rejected(fileName, problems, problems.size());
                }
            }
            DirectorySnapshot snapshot = directory.snapshot();
            long batchId = log.start(fileName, hash, FileFormat.RESULTS_CSV.title(), user);
            Problems problems = new Problems(PROBLEM_LIMIT);
            Writing writing = new Writing(fileName, snapshot, new ResultBatchWriter(jdbcTemplate, batchId), problems);
            var reader = new CanonicalResultsReader(snapshot, pseudonymizer::key, PROBLEM_LIMIT);
            var summary = reader.read(file, fileName, problems, writing);
            if (!problems.isEmpty()) {
                status.setRollbackOnly();
                List<Problem> sorted = new ArrayList<>(problems.list());
                sorted.sort(Comparator.comparingLong(Problem::row));
                return new ImportOutcome.Rejected(fileName, sorted, problems.total());
            }
            writing.writer.flush();
            log.finish(batchId, summary.rows(), summary.accepted(), summary.absent(), summary.warnings());
            return new ImportOutcome.Imported(fileName, batchId, FileFormat.RESULTS_CSV.title(), summary.rows(),
                    summary.accepted(), summary.absent(), summary.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves ids for each valid row and writes it, until the first problem of the file. */
    private final class Writing implements CanonicalResultsReader.Sink {
        private final String fileName;
        private final DirectorySnapshot snapshot;
        private final ResultBatchWriter writer;
        private final Problems problems;
        private final AssessmentRegistry registry;
        private final Set<Procedure.Key> reportedLayouts = new HashSet<>();
        private TaskLayout layout = TaskLayout.EMPTY;

        Writing(String fileName, DirectorySnapshot snapshot, ResultBatchWriter writer, Problems problems) {
            this.fileName = fileName;
            this.snapshot = snapshot;
            this.writer = writer;
            this.problems = problems;
            this.registry = new AssessmentRegistry(jdbc, snapshot);
        }

        @Override
        public void start(TaskLayout fileLayout) {
            this.layout = fileLayout;
        }

        @Override
        public void accept(long row, Result r) {
            AssessmentRegistry.Entry entry = registry.resolve(r.procedure(), layout);
            if (entry == null) {
                if (reportedLayouts.add(r.procedure())) {
                    problems.add(new Problem(fileName, null, row, null, "задания в файле (" + layout.size()
                            + ") не совпадают с заданиями этой процедуры, загруженными ранее ("
                            + registry.storedLayout(r.procedure()).size() + "): " + describe(r.procedure())));
                }
                return;
            }
            if (entry.existingParticipants().contains(r.participant())) {
                problems.add(new Problem(fileName, null, row, "participant",
                        "результат этого участника в процедуре «" + describe(r.procedure())
                                + "» уже загружен другим файлом"));
                return;
            }
            if (problems.isEmpty()) {
                writer.add(new ResultBatchWriter.Row(entry.id(), snapshot.schoolId(r.schoolCode()), r));
            }
        }

        private String describe(Procedure.Key k) {
            return k.kind().code() + " " + k.year() + ", " + k.subjectCode() + ", " + k.grade() + " класс";
        }
    }
}
