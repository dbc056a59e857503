package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;
import ru.msoko.core.fisoko.OfficialMarkersXlsx;
import ru.msoko.core.objectivity.OfficialMarker;

/**
 * Imports a ФИС ОКО list of schools with signs of non-objective results, inside the caller's transaction.
 * A listed school must be known (or created with {@code --create-missing}, with the list's name and
 * municipality); a school and year already listed get the new list's markers.
 */
@Component
class OfficialMarkersImport {

    private final DirectoryRepository directory;
    private final ImportLog log;
    private final JdbcClient jdbc;

    OfficialMarkersImport(DirectoryRepository directory, ImportLog log, JdbcClient jdbc) {
        this.directory = directory;
        this.log = log;
        this.jdbc = jdbc;
    }

    ImportOutcome run(Path file, String fileName, String hash, String user, ImportOptions options, TransactionStatus status) {
        OfficialMarkersXlsx.Summary read = read(file, fileName);
        List<Problem> problems = new ArrayList<>(read.problems());
        int created = 0;
        for (OfficialMarkersXlsx.UnknownSchool u : read.unknown()) {
            if (options.createMissing()) {
                create(u);
                created++;
            } else {
                problems.add(new Problem(fileName, read.sheet(), u.row(), "Логин", "школа с логином «" + u.login()
                        + "» не найдена в справочнике (загрузите справочник школ или используйте --create-missing)"));
            }
        }
        if (created > 0) {
            read = read(file, fileName);
        }
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(fileName, problems, problems.size());
        }
        long batch = log.start(fileName, hash, FileFormat.OFFICIAL_MARKERS_XLSX.title(), user);
        List<OfficialMarker> resolved = read.markers();
        for (OfficialMarker m : resolved) {
            jdbc.sql("""
                    insert into official_marker (import_id, school_id, exam_year, markers)
                    select :batch, id, :year, :markers from school where code = :code""")
                    .param("batch", batch).param("year", m.year()).param("markers", m.procedures())
                    .param("code", m.schoolCode()).update();
        }
        List<String> warnings = new ArrayList<>();
        if (created > 0) {
            warnings.add("создано школ из перечня: " + created);
        }
        if (read.repeated() > 0) {
            warnings.add("строк, повторяющих ту же ОО за тот же год: " + read.repeated() + " — учтены один раз, маркеры объединены");
        }
        long rows = resolved.size() + read.repeated();
        log.finish(batch, rows, resolved.size(), 0, warnings);
        return new ImportOutcome.Imported(fileName, batch, FileFormat.OFFICIAL_MARKERS_XLSX.title(), rows,
                resolved.size(), 0, warnings);
    }

    private OfficialMarkersXlsx.Summary read(Path file, String fileName) {
        try {
            return OfficialMarkersXlsx.read(file, fileName, directory.snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listed school the directory lacks, created with the list's name, municipality and login. */
    private void create(OfficialMarkersXlsx.UnknownSchool u) {
        String municipality = directory.ensureMunicipality(null, u.municipality().isBlank() ? "не указан" : u.municipality())
                .code();
        String code = u.login().trim().toLowerCase(Locale.ROOT);
        directory.saveSchool(new School(code, u.name().isBlank() ? code : u.name(), municipality, null, null,
                SchoolContext.unknown(), List.of(SchoolIdentifier.parse(code))), directory.municipalityId(municipality));
    }
}
