package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.IdentifierKind;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;
import ru.msoko.core.gia.ExamSchoolSummary;
import ru.msoko.core.gia.MoscowEgeCsv;
import ru.msoko.core.gia.RegionalEgeSummaryXlsx;

/**
 * Imports ЕГЭ results aggregated by school (the Moscow open data CSV or the regional three-level summary) inside the
 * caller's transaction. Schools are matched through the identifier directory (ОГРН, a code, or the name as an
 * alias). As with the ФИС ОКО marker lists, an unknown school rejects the file with the closest known identifiers,
 * unless the user asked to create missing schools: then it becomes a directory entry with the file's name and
 * municipality (the Moscow okrug), identified by the ОГРН or the name the file uses. A school, year and subject
 * already stored by another file is rejected too: correct it by rolling that import back.
 */
@Component
class ExamSummaryImport {

    /** The longest identifier the directory stores (school_identifier.identifier). */
    private static final int MAX_IDENTIFIER = 64;

    private final DirectoryRepository directory;
    private final ImportLog log;
    private final JdbcClient jdbc;

    ExamSummaryImport(DirectoryRepository directory, ImportLog log, JdbcClient jdbc) {
        this.directory = directory;
        this.log = log;
        this.jdbc = jdbc;
    }

    ImportOutcome run(Path file, String fileName, FileFormat format, String hash, String user, ImportOptions options,
                      TransactionStatus status) {
        ExamSchoolSummary.Summary read = read(file, fileName, format);
        List<Problem> problems = new ArrayList<>(read.problems());
        if (problems.isEmpty() && read.rows().isEmpty()) {
            problems.add(Problem.ofFile(fileName, "в файле нет ни одной строки с результатами ОО"));
        }
        DirectorySnapshot before = directory.snapshot();
        int created = problems.isEmpty() ? unknownSchools(read, fileName, before, options, problems) : 0;
        DirectorySnapshot snapshot = created > 0 ? directory.snapshot() : before;
        Map<String, Long> subjects = subjects(read, fileName, snapshot, problems);
        if (problems.isEmpty()) {
            alreadyStored(read, fileName, snapshot, subjects, problems);
        }
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            problems.sort(Comparator.comparingLong(Problem::row));
            return new ImportOutcome.Rejected(fileName, problems, problems.size());
        }
        long batch = log.start(fileName, hash, format.title(), user);
        for (ExamSchoolSummary.SchoolRow r : read.rows()) {
            insert(batch, snapshot, r, subjects);
        }
        List<String> warnings = new ArrayList<>(read.warnings());
        if (created > 0) {
            warnings.add("создано школ из файла: " + created);
        }
        log.finish(batch, read.rows().size(), read.rows().size(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batch, format.title(), read.rows().size(), read.rows().size(), 0,
                warnings);
    }

    /** Creates the schools the directory lacks when asked, else names each with the closest known identifiers. */
    private int unknownSchools(ExamSchoolSummary.Summary read, String fileName, DirectorySnapshot before,
                               ImportOptions options, List<Problem> problems) {
        List<ExamSchoolSummary.SchoolRow> unknown = read.rows().stream()
                .filter(r -> before.schoolCode(r.identifier(), r.year()).isEmpty()).toList();
        if (options.createMissing()) {
            return create(unknown, fileName, read.sheet(), options, problems);
        }
        for (ExamSchoolSummary.SchoolRow r : unknown) {
            problems.add(new Problem(fileName, read.sheet(), r.row(), r.identifierColumn(),
                    before.unknownSchool(r.identifier(), r.year())
                            + " (загрузите справочник школ или используйте --create-missing)"));
        }
        return 0;
    }

    private static ExamSchoolSummary.Summary read(Path file, String fileName, FileFormat format) {
        try {
            return format == FileFormat.EGE_MOSCOW_CSV ? MoscowEgeCsv.read(file, fileName, ResultsImport.PROBLEM_LIMIT)
                    : RegionalEgeSummaryXlsx.read(file, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Unknown schools become directory entries named as in the file, in its municipality (or the user's when the
     * file has none), identified by what the file identifies them with; returns how many were created.
     */
    private int create(List<ExamSchoolSummary.SchoolRow> unknown, String fileName, String sheet, ImportOptions options,
                       List<Problem> problems) {
        Map<String, ExamSchoolSummary.SchoolRow> distinct = new LinkedHashMap<>();
        unknown.forEach(r -> distinct.putIfAbsent(r.identifier(), r));
        for (ExamSchoolSummary.SchoolRow r : distinct.values()) {
            String id = r.identifier().trim();
            if (id.length() > MAX_IDENTIFIER) {
                problems.add(new Problem(fileName, sheet, r.row(), r.identifierColumn(), "наименование длиннее "
                        + MAX_IDENTIFIER + " знаков не может быть кодом новой школы: добавьте столбец «Код ОО» или "
                        + "загрузите справочник школ"));
                continue;
            }
            Optional<String> municipality = municipality(r, options);
            if (municipality.isEmpty()) {
                problems.add(new Problem(fileName, sheet, r.row(), null, "в строке не указан муниципалитет: чтобы "
                        + "создать школу «" + r.name() + "», укажите существующий муниципалитет (--municipality)"));
                continue;
            }
            directory.saveSchool(new School(id, r.name(), municipality.get(), null, null, SchoolContext.unknown(),
                    List.of(new SchoolIdentifier(IdentifierKind.guess(id), id, null, null))),
                    directory.municipalityId(municipality.get()));
        }
        return problems.isEmpty() ? distinct.size() : 0;
    }

    private Optional<String> municipality(ExamSchoolSummary.SchoolRow r, ImportOptions options) {
        if (!r.municipality().isBlank()) {
            return Optional.of(directory.ensureMunicipality(null, r.municipality()).code());
        }
        if (options.municipalityCode() == null || options.municipalityCode().isBlank()) {
            return Optional.empty();
        }
        try {
            directory.municipalityId(options.municipalityCode());
            return Optional.of(options.municipalityCode());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Subject ids by the header's spelling; an unknown subject is a problem at its header cell. */
    private static Map<String, Long> subjects(ExamSchoolSummary.Summary read, String fileName,
                                              DirectorySnapshot snapshot, List<Problem> problems) {
        Map<String, Long> ids = new HashMap<>();
        read.rows().stream().map(ExamSchoolSummary.SchoolRow::subject).filter(s -> s != null).distinct().forEach(s ->
                snapshot.subjectCode(s).ifPresentOrElse(code -> ids.put(s, snapshot.subjectId(code)),
                        () -> problems.add(new Problem(fileName, read.sheet(), read.subjectRow(), s,
                                "предмет «" + s + "» не найден в справочнике предметов"))));
        return ids;
    }

    /** A school's summary for a year and subject is stored once: a second file must not double it. */
    private void alreadyStored(ExamSchoolSummary.Summary read, String fileName, DirectorySnapshot snapshot,
                               Map<String, Long> subjects, List<Problem> problems) {
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("select school_id, exam_year, subject_id, import_id from exam_school_summary where procedure_kind = :kind")
                .param("kind", ProcedureKind.EGE.name())
                .query((rs, n) -> stored.put(rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getObject(3), rs.getLong(4)))
                .list();
        Map<String, Long> inFile = new HashMap<>();
        for (ExamSchoolSummary.SchoolRow r : read.rows()) {
            String key = key(snapshot, r, subjects);
            Long batch = stored.get(key);
            Long earlier = inFile.putIfAbsent(key, r.row());
            if (earlier != null) {
                problems.add(new Problem(fileName, read.sheet(), r.row(), r.identifierColumn(), "эта ОО (в справочнике — «"
                        + snapshot.schoolCode(r.identifier(), r.year()).orElseThrow() + "») уже есть в строке " + earlier));
            } else if (batch != null) {
                problems.add(new Problem(fileName, read.sheet(), r.row(), r.identifierColumn(), "результаты ЕГЭ этой ОО за "
                        + r.year() + " год" + (r.subject() == null ? "" : " по предмету «" + r.subject() + "»")
                        + " уже загружены (загрузка № " + batch + "); чтобы заменить их, отмените ту загрузку"));
            }
        }
    }

    private static String key(DirectorySnapshot snapshot, ExamSchoolSummary.SchoolRow r, Map<String, Long> subjects) {
        long school = snapshot.schoolId(snapshot.schoolCode(r.identifier(), r.year()).orElseThrow());
        return school + "|" + r.year() + "|" + (r.subject() == null ? null : subjects.get(r.subject()));
    }

    private void insert(long batch, DirectorySnapshot snapshot, ExamSchoolSummary.SchoolRow r, Map<String, Long> subjects) {
        ExamSchoolSummary.Measures m = r.measures();
        Map<String, Object> p = new HashMap<>();
        p.put("batch", batch);
        p.put("school", snapshot.schoolId(snapshot.schoolCode(r.identifier(), r.year()).orElseThrow()));
        p.put("kind", ProcedureKind.EGE.name());
        p.put("year", r.year());
        p.put("subject", r.subject() == null ? null : subjects.get(r.subject()));
        p.put("graduates", m.graduates());
        p.put("chose", m.chose());
        p.put("participants", m.participants());
        p.put("below", m.belowMinimum());
        p.put("high", m.highScorers());
        p.put("hundred", m.hundred());
        p.put("mean", m.meanScore());
        p.put("s160", m.atLeast160());
        p.put("s220", m.atLeast220());
        jdbc.sql("""
                insert into exam_school_summary (import_id, school_id, procedure_kind, exam_year, subject_id, graduates,
                    chose, participants, below_minimum, high_scorers, hundred, mean_score, at_least_160, at_least_220)
                values (:batch, :school, :kind, :year, :subject, :graduates, :chose, :participants, :below, :high,
                    :hundred, :mean, :s160, :s220)""").params(p).update();
    }
}
