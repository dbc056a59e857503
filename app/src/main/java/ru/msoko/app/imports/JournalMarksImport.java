package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.journal.JournalCsv;
import ru.msoko.core.privacy.Pseudonymizer;

/**
 * Imports journal marks (per pupil or per class, data-formats §4) as distributions of marks 2–5 per school, year,
 * period, subject and class, inside the caller's transaction. A journal file names a school by its code only, so an
 * unknown code is always a problem with the closest known codes (a school cannot be created from a bare code); the
 * same class, subject and period already stored by another file is a problem too.
 */
@Component
class JournalMarksImport {

    private final DirectoryRepository directory;
    private final Pseudonymizer pseudonymizer;
    private final ImportLog log;
    private final JdbcClient jdbc;

    JournalMarksImport(DirectoryRepository directory, Pseudonymizer pseudonymizer, ImportLog log, JdbcClient jdbc) {
        this.directory = directory;
        this.pseudonymizer = pseudonymizer;
        this.log = log;
        this.jdbc = jdbc;
    }

    ImportOutcome run(Path file, String fileName, FileFormat format, String hash, String user, TransactionStatus status) {
        JournalCsv.Summary read;
        try {
            read = JournalCsv.read(file, fileName, pseudonymizer::key, ResultsImport.PROBLEM_LIMIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>(read.problems().list());
        if (problems.isEmpty() && read.distributions().isEmpty()) {
            problems.add(Problem.ofFile(fileName, "в файле нет ни одной отметки 2–5"));
        }
        DirectorySnapshot snapshot = directory.snapshot();
        Set<String> stored = stored();
        List<Resolved> rows = new ArrayList<>();
        for (JournalCsv.Distribution d : read.distributions()) {
            resolve(d, fileName, read, snapshot, stored, problems).ifPresent(rows::add);
        }
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            problems.sort(Comparator.comparingLong(Problem::row));
            return new ImportOutcome.Rejected(fileName, problems, Math.max(problems.size(), read.problems().total()));
        }
        long batch = log.start(fileName, hash, format.title(), user);
        for (Resolved r : rows) {
            int[] n = r.d().counts();
            jdbc.sql("""
                    insert into journal_mark_distribution (import_id, school_id, school_year, period, subject_id,
                        class_label, n2, n3, n4, n5)
                    values (:batch, :school, :year, :period, :subject, :class, :n2, :n3, :n4, :n5)""")
                    .param("batch", batch).param("school", r.school()).param("year", r.d().year())
                    .param("period", r.d().period()).param("subject", r.subject()).param("class", r.d().classLabel())
                    .param("n2", n[0]).param("n3", n[1]).param("n4", n[2]).param("n5", n[3]).update();
        }
        List<String> warnings = new ArrayList<>();
        if (read.withoutMark() > 0) {
            warnings.add("строк без отметки («н/а», пусто) — не учтены в распределении: " + read.withoutMark());
        }
        if (read.layout() == JournalCsv.Layout.PUPILS) {
            warnings.add("отметки учеников сведены в распределения по классам: " + rows.size()
                    + "; ФИО в базу не записаны");
        }
        log.finish(batch, read.rows(), read.rows() - read.withoutMark(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batch, format.title(), read.rows(), read.rows() - read.withoutMark(),
                0, warnings);
    }

    private record Resolved(JournalCsv.Distribution d, long school, long subject) {
    }

    private static Optional<Resolved> resolve(JournalCsv.Distribution d, String fileName, JournalCsv.Summary read,
                                              DirectorySnapshot snapshot, Set<String> stored, List<Problem> problems) {
        Optional<String> school = snapshot.schoolCode(d.schoolCode(), d.year());
        Optional<String> subject = snapshot.subjectCode(d.subject());
        if (school.isEmpty()) {
            problems.add(new Problem(fileName, null, d.row(), read.schoolColumn(),
                    snapshot.unknownSchool(d.schoolCode(), d.year())));
        }
        if (subject.isEmpty()) {
            problems.add(new Problem(fileName, null, d.row(), read.subjectColumn(),
                    "предмет «" + d.subject() + "» не найден в справочнике предметов"));
        }
        if (school.isEmpty() || subject.isEmpty()) {
            return Optional.empty();
        }
        Resolved r = new Resolved(d, snapshot.schoolId(school.get()), snapshot.subjectId(subject.get()));
        if (!stored.add(key(r.school(), d.year(), d.period(), r.subject(), d.classLabel()))) {
            problems.add(new Problem(fileName, null, d.row(), null, "отметки класса " + d.classLabel() + " по предмету «"
                    + d.subject() + "» за период «" + d.period() + "» " + d.year() + " года уже загружены другим "
                    + "файлом (или есть выше в этом файле под другим кодом ОО); чтобы заменить их, отмените ту загрузку"));
            return Optional.empty();
        }
        return Optional.of(r);
    }

    private Set<String> stored() {
        Set<String> keys = new HashSet<>();
        jdbc.sql("select school_id, school_year, period, subject_id, class_label from journal_mark_distribution")
                .query((rs, n) -> keys.add(key(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)))).list();
        return keys;
    }

    private static String key(long school, int year, String period, long subject, String classLabel) {
        return school + "|" + year + "|" + period + "|" + subject + "|" + classLabel;
    }
}
