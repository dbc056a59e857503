package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import ru.msoko.app.audit.Auditor;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.fisoko.XlsxLimits;

/**
 * Imports one file as one transaction: either every row is stored, or nothing is and the user gets
 * the list of problems with row and column. The same content twice is recognised by its hash.
 */
@Service
public class ImportService {

    private final ImportLog log;
    private final ResultsImport results;
    private final SchoolsImport schools;
    private final ScalesImport scales;
    private final OfficialMarkersImport markers;
    private final LoginListImport logins;
    private final CodifiersImport codifiers;
    private final TextbooksImport textbooks;
    private final ExamSummaryImport examSummaries;
    private final JournalMarksImport journals;
    private final ContextImport context;
    private final TransactionTemplate tx;
    private final XlsxLimits limits;
    private final Auditor auditor;
    private final ImportTerritory territory;
    private final ResultAggregates aggregates;

    /** @param maxUnpacked the most an uploaded xlsx may unpack to (a «zip bomb» is refused before it is read) */
    ImportService(ImportLog log, ResultsImport results, SchoolsImport schools, ScalesImport scales,
                  OfficialMarkersImport markers, LoginListImport logins, CodifiersImport codifiers,
                  ExamSummaryImport examSummaries, JournalMarksImport journals, ContextImport context,
                  TextbooksImport textbooks, ImportTerritory territory, TransactionTemplate tx,
                  @Value("${msoko.import.xlsx-max-unpacked:1GB}") DataSize maxUnpacked, Auditor auditor,
                  ResultAggregates aggregates) {
        this.auditor = auditor;
        this.aggregates = aggregates;
        this.limits = XlsxLimits.DEFAULT.withMaxUnpackedBytes(maxUnpacked.toBytes());
        this.territory = territory;
        this.examSummaries = examSummaries;
        this.journals = journals;
        this.context = context;
        this.log = log;
        this.codifiers = codifiers;
        this.textbooks = textbooks;
        this.logins = logins;
        this.markers = markers;
        this.results = results;
        this.schools = schools;
        this.scales = scales;
        this.tx = tx;
    }

    /**
     * @param fileName the user's name of the file (shown in messages), not the temp path
     * @param user who imports: a login, or {@code cli:<os user>}
     */
    public ImportOutcome importFile(Path file, String fileName, String user, ImportOptions options) {
        return ImportAudit.recorded(auditor, user, importUnaudited(file, fileName, user, options));
    }

    /** Phases reported to {@link ImportOptions#progress()}: the bytes of the file, then its rows, then the totals. */
    public static final String READING = "чтение файла";
    public static final String ROWS = "проверка строк и запись в базу";
    public static final String TOTALS = "итоги по школам";

    private ImportOutcome importUnaudited(Path file, String fileName, String user, ImportOptions options) {
        String hash = null;
        FileFormat format = null;
        ImportOutcome outcome;
        try {
            options.progress().phase(READING, java.nio.file.Files.size(file));
            hash = ContentHash.of(file, options.progress());
            var previous = log.findByHash(hash);
            if (previous.isPresent()) {
                var p = previous.get();
                return new ImportOutcome.AlreadyImported(fileName, p.id(), p.fileName(), p.startedAt());
            }
            if (java.nio.file.Files.size(file) == 0) {
                outcome = rejected(fileName, List.of(Problem.ofFile(fileName, "файл пуст (0 байт)")));
            } else {
                format = FileFormat.detect(file, fileName, limits);
                outcome = store(file, fileName, format, hash, user, options);
            }
        } catch (InputException e) {
            outcome = rejected(fileName, e.problems());
        } catch (IOException | UncheckedIOException e) {
            outcome = rejected(fileName, List.of(Problem.ofFile(fileName, "файл не удаётся прочитать: " + e.getMessage())));
        } catch (DataAccessException e) {
            outcome = rejected(fileName, List.of(Problem.ofFile(fileName,
                    "база данных отклонила запись, ничего не сохранено: " + e.getMostSpecificCause().getMessage())));
        }
        if (outcome instanceof ImportOutcome.Rejected r && hash != null) {
            String title = format == null ? null : format.title();
            String because = format == null ? null : format.explanation();
            String h = hash;
            tx.executeWithoutResult(status -> log.reject(fileName, h, title, because, user, r));
        }
        return outcome;
    }

    /**
     * Stores a folder of ВПР work descriptions ({@code <класс>/<предмет>/ALL.xlsx} with KS.xlsx and KT.xlsx) as
     * reference data in one transaction; the same folder content twice changes nothing.
     *
     * @param year the year of descriptions whose folders do not name one ({@code 2021/4/…}); may be {@code null}
     */
    public ImportOutcome importCodifiers(Path folder, Integer year, String user) {
        return ImportAudit.recorded(auditor, user, codifiersUnaudited(folder, year, user));
    }

    private ImportOutcome codifiersUnaudited(Path folder, Integer year, String user) {
        String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString() + "/";
        String hash = null;
        ImportOutcome outcome;
        try {
            hash = ContentHash.ofFolder(folder) + (year == null ? "" : "@" + year);
            hash = ContentHash.ofText(hash);
            var previous = log.findByHash(hash);
            if (previous.isPresent()) {
                var p = previous.get();
                return new ImportOutcome.AlreadyImported(name, p.id(), p.fileName(), p.startedAt());
            }
            String h = hash;
            outcome = tx.execute(status -> {
                ImportOutcome o = codifiers.run(folder, name, year, h, user, status);
                if (o instanceof ImportOutcome.Imported imported) {
                    log.explain(imported.batchId(), FileFormat.WORK_CODIFIERS.explanation());
                    territory.check(imported.batchId(), FileFormat.WORK_CODIFIERS, name, user);
                }
                return o;
            });
        } catch (InputException e) {
            outcome = rejected(name, e.problems());
        } catch (IOException | UncheckedIOException e) {
            outcome = rejected(name, List.of(Problem.ofFile(name, "папку не удаётся прочитать: " + e.getMessage())));
        } catch (DataAccessException e) {
            // as for a file: a value the database refuses (a КЭС code longer than its column, found by bench/fuzz.sh)
            // rolls the folder back instead of escaping
            outcome = rejected(name, List.of(Problem.ofFile(name,
                    "база данных отклонила запись, ничего не сохранено: " + e.getMostSpecificCause().getMessage())));
        }
        if (outcome instanceof ImportOutcome.Rejected r && hash != null) {
            String h = hash;
            tx.executeWithoutResult(status -> log.reject(name, h, FileFormat.WORK_CODIFIERS.title(),
                    FileFormat.WORK_CODIFIERS.explanation(), user, r));
        }
        return outcome;
    }

    /** Stores the file in one transaction; the import log row says why the format was recognised. */
    private ImportOutcome store(Path file, String fileName, FileFormat format, String hash, String user,
                                ImportOptions options) {
        if (format == FileFormat.UNKNOWN) {
            String sheets;
            try {
                sheets = FileFormat.sheetsOf(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rejected(fileName, List.of(Problem.ofFile(fileName, "формат файла не распознан. " + sheets
                    + "Известные форматы: " + FileFormat.known() + ". Формат определяется по листам и заголовкам, "
                    + "а не по имени файла; описание форматов — в руководстве пользователя")));
        }
        options.progress().phase(ROWS, ru.msoko.core.progress.Progress.UNKNOWN);
        return tx.execute(status -> {
            ImportOutcome outcome = switch (format) {
                case RESULTS_CSV, FISOKO_FORM, FISOKO_EXPORT_2021, FISOKO_EXPORT_2020, RCOI_GIA, OLYMPIAD_PROTOCOL,
                     PASS_FAIL_LIST ->
                        results.run(file, fileName, format, hash, user, options, status);
                case SCHOOLS_CSV -> schools.run(file, fileName, hash, user, status);
                case MARK_SCALES_CSV -> scales.scales(file, fileName, hash, user, status);
                case GIA_SCALES_CSV -> scales.gia(file, fileName, hash, user, status);
                case SCALE_CORRECTIONS_CSV -> scales.corrections(file, fileName, hash, user, status);
                case OFFICIAL_MARKERS_XLSX -> markers.run(file, fileName, hash, user, options, status);
                case LOGIN_LIST_XLSX -> logins.run(file, fileName, hash, user, status);
                case EGE_MOSCOW_CSV, EGE_REGIONAL_SUMMARY_XLSX ->
                        examSummaries.run(file, fileName, format, hash, user, options, status);
                case JOURNAL_PUPILS_CSV, JOURNAL_MARKS_CSV -> journals.run(file, fileName, format, hash, user, status);
                case SCHOOL_CONTEXT_XLSX -> context.run(file, fileName, hash, user, options, status);
                case TEXTBOOKS_XLSX -> textbooks.run(file, fileName, hash, user, status);
                case WORK_CODIFIERS -> throw new IllegalStateException("a folder, see importCodifiers");
                case UNKNOWN -> throw new IllegalStateException("handled above");
            };
            if (outcome instanceof ImportOutcome.Imported imported) {
                log.explain(imported.batchId(), format.explanation());
                territory.check(imported.batchId(), format, fileName, user);
                options.progress().phase(TOTALS, ru.msoko.core.progress.Progress.UNKNOWN);
                aggregates.afterImport(imported.batchId(), format);
            }
            return outcome;
        });
    }

    private static ImportOutcome rejected(String fileName, List<Problem> problems) {
        return new ImportOutcome.Rejected(fileName, problems, problems.size());
    }
}
