package ru.msoko.app.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.core.canonical.CanonicalSchoolsReader;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.Municipality;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolIdentifier;

/** Imports a canonical schools.csv (the school directory) inside the caller's transaction. */
@Component
class SchoolsImport {

    private final DirectoryRepository directory;
    private final ImportLog log;

    SchoolsImport(DirectoryRepository directory, ImportLog log) {
        this.directory = directory;
        this.log = log;
    }

    ImportOutcome run(Path file, String fileName, String hash, String user, TransactionStatus status) {
        CanonicalSchoolsReader.Directory read;
        try {
            read = new CanonicalSchoolsReader().read(file, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>(read.problems().list());
        problems.addAll(conflictsWithStoredSchools(fileName, read.schools()));
        if (!problems.isEmpty()) {
            status.setRollbackOnly();
            return new ImportOutcome.Rejected(fileName, problems, Math.max(problems.size(), read.problems().total()));
        }
        long batchId = log.start(fileName, hash, FileFormat.SCHOOLS_CSV.title(), user);
        Map<String, Long> municipalities = new HashMap<>();
        for (Municipality m : read.municipalities()) {
            municipalities.put(m.code(), directory.saveMunicipality(m));
        }
        for (School s : read.schools()) {
            directory.saveSchool(s, municipalities.get(s.municipalityCode()));
        }
        log.finish(batchId, read.schools().size(), read.schools().size(), 0, read.warnings());
        return new ImportOutcome.Imported(fileName, batchId, FileFormat.SCHOOLS_CSV.title(), read.schools().size(),
                read.schools().size(), 0, read.warnings());
    }

    /** An identifier in the file that the database already gives to another school would make files ambiguous. */
    private List<Problem> conflictsWithStoredSchools(String fileName, List<School> schools) {
        Map<String, String> owners = directory.identifierOwners();
        List<Problem> problems = new ArrayList<>();
        for (School s : schools) {
            for (SchoolIdentifier id : s.identifiers()) {
                String owner = owners.get(id.value().trim().toLowerCase(Locale.ROOT).replace('ё', 'е'));
                if (owner != null && !owner.equals(s.code())) {
                    problems.add(Problem.ofFile(fileName, "школа «" + s.code() + "»: код «" + id.value()
                            + "» уже принадлежит школе «" + owner + "» в справочнике"));
                }
            }
        }
        return problems;
    }
}
