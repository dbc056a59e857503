package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.codifiers.CodifierRepository;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.app.scales.GiaScaleRepository;
import ru.msoko.app.scales.MarkScaleRepository;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.TaskLayout;
import ru.msoko.core.fisoko.Codifiers;
import ru.msoko.core.fisoko.WorkReference;
import ru.msoko.core.privacy.Pseudonymizer;

/**
 * Imports a results file (canonical CSV or ФИС ОКО workbook) inside the transaction the caller opened; a
 * result without a mark gets it from the stored mark scale of its work.
 */
@Component
class ResultsImport {

    static final int PROBLEM_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final DirectoryRepository directory;
    private final MarkScaleRepository scales;
    private final GiaScaleRepository giaScales;
    private final Pseudonymizer pseudonymizer;
    private final ImportLog log;
    private final MissingEntities missing;
    private final Path codifiers;
    private final CodifierRepository storedCodifiers;
    private final ResultBlockRepository blocks;
    private final ResultAggregates aggregates;

    ResultsImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DirectoryRepository directory, MarkScaleRepository scales,
                  GiaScaleRepository giaScales, Pseudonymizer pseudonymizer, ImportLog log, MissingEntities missing,
                  CodifierRepository storedCodifiers, ResultBlockRepository blocks, ResultAggregates aggregates,
                  @Value("${msoko.codifiers}") String codifiers) {
        this.aggregates = aggregates;
        this.blocks = blocks;
        this.storedCodifiers = storedCodifiers;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.directory = directory;
        this.scales = scales;
        this.giaScales = giaScales;
        this.pseudonymizer = pseudonymizer;
        this.log = log;
        this.missing = missing;
        this.codifiers = Path.of(codifiers);
    }

    ImportOutcome run(Path file, String fileName, FileFormat format, String hash, String user, ImportOptions options,
                      TransactionStatus status) {
        try {
            if (options.createMissing()) {
                List<Problem> problems = missing.create(file, fileName, format, options.municipalityCode());
                if (!problems.isEmpty()) {
                    status.setRollbackOnly();
                    return new ImportOutcome.Rejected(fileName, problems, problems.size());
                }
            }
            DirectorySnapshot snapshot = directory.snapshot();
            MarkScaleRepository.Snapshot stored = scales.snapshot();
            Codifiers folder = Codifiers.folder(codifiers, snapshot);
            // the reader runs on ReadAhead's thread, outside this transaction: its one database lookup (the stored
            // work description) reads committed reference data on a pooled connection, which is all it needs
            WorkReference reference = new WorkReference(key -> storedCodifiers.layout(key).or(() -> folder.layout(key)),
                    key -> stored.find(key, "").map(s -> OptionalInt.of(s.scale().maxPrimary())).orElse(OptionalInt.empty()));
            long batchId = log.start(fileName, hash, format.title(), user);
            Problems problems = new Problems(PROBLEM_LIMIT);
            Writing writing = new Writing(fileName, snapshot, stored, new GiaGrading(giaScales.snapshot()),
                    new ResultBatchWriter(blocks, batchId), problems,
                    format == FileFormat.RESULTS_CSV ? "participant" : null, options.skipInvalidRows());
            var read = ReadAhead.run(sink -> ResultFiles.read(format, file, fileName, snapshot, pseudonymizer::key,
                    reference, problems, sink), Progressing.rows(writing, options.progress()));
            List<Problem> sorted = new ArrayList<>(problems.list());
            sorted.sort(Comparator.comparingLong(Problem::row));
            boolean leaveRowsOut = !problems.isEmpty() && writing.skipInvalidRows && problems.onlyListedRows()
                    && writing.reportedLayouts.isEmpty();
            if (!problems.isEmpty() && !leaveRowsOut) {
                status.setRollbackOnly();
                return new ImportOutcome.Rejected(fileName, sorted, problems.total());
            }
            writing.writer.flush();
            aggregates.store(batchId, writing.writer.summaries());
            List<String> warnings = new ArrayList<>();
            if (leaveRowsOut) {
                long rejection = log.reject(fileName, hash, format.title(), format.explanation(), user,
                        new ImportOutcome.Rejected(fileName, sorted, problems.total()));
                warnings.add("не загружено строк с ошибками: " + problems.rowsWithProblems() + " (ошибок: "
                        + problems.total() + "); их список — в «Отклонённых файлах», № " + rejection
                        + " (можно скачать в xlsx); остальные строки загружены");
            }
            warnings.addAll(read.warnings());
            writing.withoutScale.forEach(k -> warnings.add("шкала перевода баллов в отметки для «" + describe(k)
                    + "» не загружена: отметки не вычислены; они появятся, когда шкала будет загружена"));
            warnings.addAll(writing.gia.warnings());
            long accepted = read.accepted() - writing.leftOut;
            log.finish(batchId, read.rows(), accepted, read.absent(), warnings);
            return new ImportOutcome.Imported(fileName, batchId, format.title(), read.rows(), accepted,
                    read.absent(), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first task that differs, so that the user sees what to fix: «задание «3»: в файле максимум 2, ранее 1». */
    static String firstDifference(TaskLayout file, TaskLayout stored) {
        for (int i = 0; i < Math.min(file.size(), stored.size()); i++) {
            TaskLayout.Task f = file.tasks().get(i);
            TaskLayout.Task s = stored.tasks().get(i);
            if (!f.label().equals(s.label())) {
                return "задание № " + (i + 1) + " в файле — «" + f.label() + "», а ранее — «" + s.label() + "»";
            }
            if (f.maxScore() > s.maxScore()) {
                return "задание «" + f.label() + "»: в файле максимум " + f.maxScore() + ", ранее " + s.maxScore();
            }
        }
        return "заданий в файле " + file.size() + ", а ранее " + stored.size();
    }

    private static String describe(Procedure.Key k) {
        return k.kind().code() + " " + k.year() + ", " + k.subjectCode() + ", " + k.grade() + " класс";
    }

    /** Resolves ids for each valid row, gives it its mark from the scale, and writes it until the first problem. */
    private final class Writing implements CanonicalResultsReader.Sink {
        private final String fileName;
        private final DirectorySnapshot snapshot;
        private final MarkScaleRepository.Snapshot scales;
        private final GiaGrading gia;
        private final ResultBatchWriter writer;
        private final Problems problems;
        private final String participantColumn;
        private final AssessmentRegistry registry;
        private final Set<Procedure.Key> reportedLayouts = new HashSet<>();
        private final boolean skipInvalidRows;
        /** Rows the reader handed over that were not written because of their problems. */
        private long leftOut;
        private final Set<Procedure.Key> withoutScale = new LinkedHashSet<>();
        private TaskLayout layout = TaskLayout.EMPTY;

        Writing(String fileName, DirectorySnapshot snapshot, MarkScaleRepository.Snapshot scales, GiaGrading gia,
                ResultBatchWriter writer, Problems problems, String participantColumn, boolean skipInvalidRows) {
            this.skipInvalidRows = skipInvalidRows;
            this.gia = gia;
            this.participantColumn = participantColumn;
            this.fileName = fileName;
            this.snapshot = snapshot;
            this.scales = scales;
            this.writer = writer;
            this.problems = problems;
            this.registry = new AssessmentRegistry(jdbc, snapshot, blocks);
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
                    problems.add(new Problem(fileName, null, row, null, "задания в файле не совпадают с заданиями "
                            + "процедуры «" + describe(r.procedure()) + "», загруженными ранее: "
                            + firstDifference(layout, registry.storedLayout(r.procedure()))));
                }
                return;
            }
            long earlier = entry.participants().putIfAbsent(r.participant(), row);
            if (earlier >= 0) {
                problems.add(new Problem(fileName, null, row, participantColumn,
                        "результат этого участника в процедуре «" + describe(r.procedure()) + "» "
                                + (earlier == AssessmentRegistry.STORED ? "уже загружен другим файлом"
                                : "уже есть в этом файле (строка " + earlier + "): повтор результата")));
                leftOut++;
                return;
            }
            Long scaleId = null;
            Result marked = r;
            GiaGrading.Graded graded = gia.grade(row, r, layout);
            if (graded != null) {
                marked = graded.result();
            } else if (needsMark(r)) {
                var scale = scales.find(r.procedure(), r.variant());
                if (scale.isEmpty()) {
                    withoutScale.add(r.procedure());
                } else {
                    OptionalInt mark = scale.get().scale().mark(r.primaryScore());
                    if (mark.isEmpty()) {
                        problems.add(new Problem(fileName, null, row, null, "первичный балл "
                                + BigDecimal.valueOf(r.primaryScore()).stripTrailingZeros().toPlainString()
                                + " больше максимума шкалы «" + describe(r.procedure()) + "» ("
                                + scale.get().scale().maxPrimary() + ")"));
                        leftOut++;
                        return;
                    }
                    marked = r.withMark(mark.getAsInt());
                    scaleId = scale.get().id();
                }
            }
            // the reader reports a row's problems before it hands the row over (ReadAhead keeps the reader ahead)
            boolean write = skipInvalidRows ? !problems.hasProblemAt(row) : problems.isEmpty();
            if (write) {
                writer.add(new ResultBatchWriter.Row(entry.id(), snapshot.schoolId(r.schoolCode()), marked, scaleId,
                        graded == null ? null : graded.scaleId()));
            } else if (skipInvalidRows) {
                leftOut++;
            }
        }

        /** Marks come from scales for works marked 2–5; ЕГЭ, olympiads and pass/fail procedures have none. */
        private boolean needsMark(Result r) {
            ProcedureKind kind = r.procedure().kind();
            return r.mark() == null && !r.absent() && r.primaryScore() != null && !kind.isPassFail()
                    && !kind.isOlympiad() && kind != ProcedureKind.EGE;
        }
    }
}
