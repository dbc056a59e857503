package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.scales.GiaScaleRepository;
import ru.msoko.app.scales.MarkScaleRepository;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.scales.GiaScale;
import ru.msoko.core.scales.GiaScaleCsv;
import ru.msoko.core.scales.MarkScale;
import ru.msoko.core.scales.MarkScaleCsv;
import ru.msoko.core.scales.ScaleCorrection;
import ru.msoko.core.scales.ScaleCorrectionCsv;

/**
 * Imports mark scales and confirmed scale corrections inside the caller's transaction. A stored scale is
 * never changed (marks were computed from it): the same scale again is skipped, different bands are an error.
 */
@Component
class ScalesImport {

    private final DirectoryRepository directory;
    private final MarkScaleRepository scales;
    private final GiaScaleRepository giaScales;
    private final ImportLog log;

    ScalesImport(DirectoryRepository directory, MarkScaleRepository scales, GiaScaleRepository giaScales, ImportLog log) {
        this.directory = directory;
        this.scales = scales;
        this.giaScales = giaScales;
        this.log = log;
    }

    ImportOutcome scales(Path file, String fileName, String hash, String user, TransactionStatus status) {
        var subjects = directory.snapshot();
        MarkScaleCsv.Summary read;
        try {
            read = new MarkScaleCsv(subjects::subjectCode, scales.corrections())
                    .read(file, fileName, ResultsImport.PROBLEM_LIMIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>(read.problems().list());
        var stored = scales.snapshot();
        List<MarkScale> fresh = new ArrayList<>();
        for (MarkScale s : read.scales()) {
            var old = stored.find(s.key(), s.variant()).filter(o -> o.scale().variant().equals(s.variant()));
            if (old.isEmpty()) {
                fresh.add(s);
            } else if (!old.get().scale().bands().equals(s.bands())) {
                problems.add(Problem.ofFile(fileName, "шкала " + describe(s) + " уже загружена с другими границами "
                        + old.get().scale().bands() + ", а в файле " + s.bands() + ": загруженную шкалу не меняют, "
                        + "по ней уже вычислены отметки"));
            }
        }
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(fileName, problems, Math.max(problems.size(), read.problems().total()));
        }
        long batchId = log.start(fileName, hash, FileFormat.MARK_SCALES_CSV.title(), user);
        List<String> warnings = new ArrayList<>();
        int marked = 0;
        for (MarkScale s : fresh) {
            marked += scales.markStoredResults(scales.save(s, batchId), s);
            if (!s.note().isEmpty()) {
                warnings.add("шкала " + describe(s) + ": " + s.note());
            }
        }
        if (fresh.size() < read.scales().size()) {
            warnings.add("уже загруженных ранее шкал с теми же границами: " + (read.scales().size() - fresh.size()));
        }
        if (marked > 0) {
            warnings.add("по новым шкалам вычислены отметки загруженных ранее результатов: " + marked);
        }
        log.finish(batchId, read.scales().size(), fresh.size(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batchId, FileFormat.MARK_SCALES_CSV.title(), read.scales().size(),
                fresh.size(), 0, warnings);
    }

    /**
     * ГИА scales are versioned: a scale whose key is stored with other content is stored as a new version that
     * applies from now on (the earlier stays, and comes back if this import is rolled back); the same content
     * again is skipped. Stored results without a mark or test score get them from the scales in force.
     */
    ImportOutcome gia(Path file, String fileName, String hash, String user, TransactionStatus status) {
        GiaScaleCsv.Summary read = reading(() -> new GiaScaleCsv(directory.snapshot()::subjectCode)
                .read(file, fileName, ResultsImport.PROBLEM_LIMIT));
        if (!read.problems().isEmpty()) {
            return rejected(fileName, read.problems(), status);
        }
        var stored = giaScales.snapshot();
        long batchId = log.start(fileName, hash, FileFormat.GIA_SCALES_CSV.title(), user);
        List<String> warnings = new ArrayList<>();
        int fresh = 0;
        int unverified = 0;
        for (GiaScale s : read.scales()) {
            var old = stored.exact(s.key());
            if (old.isPresent() && old.get().scale().equals(s)) {
                continue;
            }
            old.ifPresent(o -> warnings.add("шкала «" + s.key() + "»: новая версия вместо загруженной в загрузке № "
                    + o.importId() + "; действует новая"));
            giaScales.save(s, batchId);
            fresh++;
            unverified += s.note().toLowerCase(java.util.Locale.ROOT).contains("не проверено") ? 1 : 0;
        }
        if (fresh < read.scales().size()) {
            warnings.add("уже загруженных ранее шкал с тем же содержанием: " + (read.scales().size() - fresh));
        }
        if (unverified > 0) {
            warnings.add("шкал с пометкой «не проверено» в примечании: " + unverified + "; сверьте их с документом "
                    + "Рособрнадзора и при необходимости загрузите исправленные");
        }
        int marked = giaScales.markStoredResults();
        if (marked > 0) {
            warnings.add("по шкалам ГИА вычислены отметки или тестовые баллы загруженных ранее результатов: " + marked);
        }
        log.finish(batchId, read.scales().size(), fresh, 0, warnings);
        return new ImportOutcome.Imported(fileName, batchId, FileFormat.GIA_SCALES_CSV.title(), read.scales().size(),
                fresh, 0, warnings);
    }

    ImportOutcome corrections(Path file, String fileName, String hash, String user, TransactionStatus status) {
        ScaleCorrectionCsv.Summary read = reading(() -> new ScaleCorrectionCsv(directory.snapshot()::subjectCode)
                .read(file, fileName, ResultsImport.PROBLEM_LIMIT));
        if (!read.problems().isEmpty()) {
            return rejected(fileName, read.problems(), status);
        }
        long batchId = log.start(fileName, hash, FileFormat.SCALE_CORRECTIONS_CSV.title(), user);
        for (ScaleCorrection c : read.corrections()) {
            scales.save(c, batchId);
        }
        List<String> warnings = List.of("исправления применяются к шкалам, загружаемым после них");
        log.finish(batchId, read.corrections().size(), read.corrections().size(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batchId, FileFormat.SCALE_CORRECTIONS_CSV.title(),
                read.corrections().size(), read.corrections().size(), 0, warnings);
    }

    /** Reading a file, whose failure to read is not a problem of its content. */
    private interface Read<T> {
        T read() throws IOException;
    }

    private static <T> T reading(Read<T> read) {
        try {
            return read.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportOutcome rejected(String fileName, Problems problems, TransactionStatus status) {
        status.setRollbackOnly();
        return new ImportOutcome.Rejected(fileName, problems.list(), problems.total());
    }

    private static String describe(MarkScale s) {
        return s.kind().code() + " " + s.year() + ", " + s.subjectCode() + ", " + s.grade() + " класс"
                + (s.variant().isEmpty() ? "" : ", вариант " + s.variant());
    }
}
