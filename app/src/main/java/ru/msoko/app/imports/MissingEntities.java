package ru.msoko.app.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;

/**
 * When the user asks for it, creates the schools and subjects a results file names but the directory
 * does not know: a first pass collects them, then they are created in the import's transaction.
 */
@Component
class MissingEntities {

    private final DirectoryRepository directory;

    MissingEntities(DirectoryRepository directory) {
        this.directory = directory;
    }

    List<Problem> create(Path file, String fileName, String municipalityCode) throws IOException {
        DirectorySnapshot snapshot = directory.snapshot();
        Recording recording = new Recording(snapshot);
        new CanonicalResultsReader(recording, s -> s, 1).read(file, fileName, (row, r) -> { });
        List<Problem> problems = new ArrayList<>();
        if (!recording.schools.isEmpty()) {
            if (municipalityCode == null || municipalityCode.isBlank()) {
                problems.add(Problem.ofFile(fileName, "в файле есть неизвестные школы (" + String.join(", ",
                        recording.schools) + "): чтобы создать их, укажите муниципалитет"));
                return problems;
            }
            long munId;
            try {
                munId = directory.municipalityId(municipalityCode);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.ofFile(fileName, "муниципалитет «" + municipalityCode + "» не найден"));
                return problems;
            }
            for (String code : recording.schools) {
                directory.saveSchool(new School(code, code, municipalityCode, null, null, SchoolContext.unknown(),
                        List.of(SchoolIdentifier.parse(code))), munId);
            }
        }
        recording.subjects.forEach(directory::createSubject);
        return problems;
    }

    /** A directory that answers every lookup and remembers what it did not know. */
    private static final class Recording implements Directory {
        private final DirectorySnapshot known;
        private final Set<String> schools = new LinkedHashSet<>();
        private final Set<String> subjects = new LinkedHashSet<>();

        Recording(DirectorySnapshot known) {
            this.known = known;
        }

        @Override
        public Optional<String> schoolCode(String identifier, int year) {
            return Optional.of(known.schoolCode(identifier, year).orElseGet(() -> {
                schools.add(identifier.trim());
                return identifier.trim();
            }));
        }

        @Override
        public Optional<String> subjectCode(String nameOrCode) {
            return Optional.of(known.subjectCode(nameOrCode).orElseGet(() -> {
                subjects.add(nameOrCode.trim());
                return nameOrCode.trim();
            }));
        }
    }

}
