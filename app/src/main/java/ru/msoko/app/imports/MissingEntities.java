package ru.msoko.app.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.msoko.app.directory.DirectoryRepository;
import ru.msoko.app.directory.DirectorySnapshot;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.canonical.Problems;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolContext;
import ru.msoko.core.domain.SchoolIdentifier;
import ru.msoko.core.fisoko.FisOkoReader;
import ru.msoko.core.fisoko.WorkReference;

/**
 * When the user asks for it, creates the schools and subjects a results file names but the directory
 * does not know: a first pass collects them, then they are created in the import's transaction. A ФИС ОКО
 * file names each school's municipality («Муниципалитет», or «регион» in the 2021 export), a РЦОИ sheet its
 * code («Код МСУ»); otherwise the municipality is the one the user gave.
 */
@Component
class MissingEntities {

    private final DirectoryRepository directory;

    MissingEntities(DirectoryRepository directory) {
        this.directory = directory;
    }

    List<Problem> create(Path file, String fileName, FileFormat format, String municipalityCode) throws IOException {
        Recording recording = new Recording(directory.snapshot());
        var read = ResultFiles.read(format, file, fileName, recording, s -> s, WorkReference.NONE, new Problems(1),
                (row, r) -> { });
        List<Problem> problems = new ArrayList<>();
        List<String> withoutMunicipality = recording.schools.stream()
                .filter(s -> municipalityName(read.schools(), s) == null && knownMunicipality(read.schools(), s) == null)
                .toList();
        if (!withoutMunicipality.isEmpty() && (municipalityCode == null || municipalityCode.isBlank())) {
            problems.add(Problem.ofFile(fileName, "в файле есть неизвестные школы (" + String.join(", ",
                    withoutMunicipality) + "): чтобы создать их, укажите муниципалитет"));
            return problems;
        }
        if (!withoutMunicipality.isEmpty()) {
            try {
                directory.municipalityId(municipalityCode);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.ofFile(fileName, "муниципалитет «" + municipalityCode + "» не найден"));
                return problems;
            }
        }
        // a code cell holding «@» would read as the directory's «code@from-to» form (found by ImportFuzzTest:
        // «@SUM(A1:A9)»); such a school is not created, the file is refused naming the code
        for (String code : recording.schools) {
            try {
                SchoolIdentifier.parse(code);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.ofFile(fileName, "школа с кодом «" + code + "» не создана: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (String code : recording.schools) {
            FisOkoReader.SchoolOrigin origin = read.schools().get(code);
            String known = knownMunicipality(read.schools(), code);
            String municipality = known != null ? known : municipalityName(read.schools(), code) == null ? municipalityCode
                    : directory.ensureMunicipality(origin.municipalityCode(), origin.municipalityName()).code();
            // a blank name cell («\r\n», found by bench/fuzz.sh) would create a school without a name
            String name = origin == null || origin.name() == null || origin.name().isBlank() ? code : origin.name().strip();
            directory.saveSchool(new School(code, name, municipality, null, null, SchoolContext.unknown(),
                    List.of(SchoolIdentifier.parse(code))), directory.municipalityId(municipality));
        }
        recording.subjects.forEach(directory::createSubject);
        return problems;
    }

    private static String municipalityName(Map<String, FisOkoReader.SchoolOrigin> schools, String code) {
        FisOkoReader.SchoolOrigin origin = schools.get(code);
        return origin == null ? null : origin.municipalityName();
    }

    /**
     * A РЦОИ sheet gives only the municipality's code («Код МСУ»): it is used when the directory has a municipality
     * with that code; otherwise the school goes to the municipality the user gave.
     */
    private String knownMunicipality(Map<String, FisOkoReader.SchoolOrigin> schools, String code) {
        FisOkoReader.SchoolOrigin origin = schools.get(code);
        if (origin == null || origin.municipalityName() != null || origin.municipalityCode() == null) {
            return null;
        }
        try {
            directory.municipalityId(origin.municipalityCode());
            return origin.municipalityCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
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
            List<String> named = known.schoolsNamed(identifier);
            return Optional.of(known.schoolCode(identifier, year).or(() -> named.size() == 1
                    ? Optional.of(named.get(0)) : Optional.empty()).orElseGet(() -> {
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
