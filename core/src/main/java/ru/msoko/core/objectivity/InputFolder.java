package ru.msoko.core.objectivity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ru.msoko.core.canonical.CanonicalResultsReader;
import ru.msoko.core.canonical.CanonicalSchoolsReader;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;
import ru.msoko.core.domain.School;
import ru.msoko.core.domain.SchoolIdentifier;
import ru.msoko.core.scales.MarkScaleCsv;

/**
 * Reads a folder of canonical files for an analysis without a database (DESIGN §5 {@code --input}):
 * {@code schools.csv} and every {@code results*.csv}, plus an optional {@code official-markers.csv}
 * ({@code school_code;year;markers}) and an optional {@code scales.csv} of official ВПР mark scales (the
 * canonical scale format of the import, docs/formats.md), whose thresholds A.5 then uses. Nothing is stored, so participant keys are used as they are in
 * the files (they are already pseudonymous by the canonical format's definition). Any problem in any
 * file stops the analysis with the full list, as an import would.
 */
public final class InputFolder {

    private static final int PROBLEM_LIMIT = 200;

    private InputFolder() {
    }

    /** The data and the official markers of the folder. */
    public record Contents(AnalysisData data, List<OfficialMarker> official, List<String> files) {
    }

    public static Contents read(Path dir) throws IOException {
        Path schoolsFile = dir.resolve("schools.csv");
        if (!Files.isRegularFile(schoolsFile)) {
            throw new InputException(new Problem(dir.toString(), null, 0, null, "в папке нет файла schools.csv"));
        }
        CanonicalSchoolsReader.Directory schools = new CanonicalSchoolsReader().read(schoolsFile, "schools.csv");
        if (!schools.problems().isEmpty()) {
            throw new InputException(schools.problems().list());
        }
        AnalysisDataBuilder builder = new AnalysisDataBuilder();
        schools.schools().forEach(builder::addSchool);
        FolderDirectory directory = new FolderDirectory(schools.schools());
        List<String> files = new ArrayList<>();
        files.add("schools.csv");
        CanonicalResultsReader reader = new CanonicalResultsReader(directory, UnaryOperator.identity(), PROBLEM_LIMIT);
        for (Path file : resultFiles(dir)) {
            CanonicalResultsReader.Summary summary = reader.read(file, file.getFileName().toString(), builder);
            if (!summary.problems().isEmpty()) {
                throw new InputException(summary.problems().list());
            }
            files.add(file.getFileName().toString());
        }
        if (files.size() == 1) {
            throw new InputException(new Problem(dir.toString(), null, 0, null, "в папке нет файлов results*.csv"));
        }
        Path scales = dir.resolve("scales.csv");
        if (Files.isRegularFile(scales)) {
            MarkScaleCsv.Summary summary = new MarkScaleCsv(directory::subjectCode, List.of())
                    .read(scales, "scales.csv", PROBLEM_LIMIT);
            if (!summary.problems().isEmpty()) {
                throw new InputException(summary.problems().list());
            }
            summary.scales().forEach(builder::addScale);
            files.add("scales.csv");
        }
        Path markers = dir.resolve("official-markers.csv");
        List<OfficialMarker> official = Files.isRegularFile(markers) ? OfficialMarkersFile.read(markers, directory) : List.of();
        if (!official.isEmpty()) {
            files.add("official-markers.csv");
        }
        return new Contents(builder.build(), official, files);
    }

    private static List<Path> resultFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "results*.csv")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    /** Schools of schools.csv by every identifier; subjects by their name as written. */
    static final class FolderDirectory implements Directory {
        private final Map<String, List<Alias>> byIdentifier = new HashMap<>();

        private record Alias(String code, SchoolIdentifier identifier) {
        }

        FolderDirectory(List<School> schools) {
            for (School s : schools) {
                byIdentifier.computeIfAbsent(key(s.code()), k -> new ArrayList<>()).add(new Alias(s.code(), null));
                for (SchoolIdentifier id : s.identifiers()) {
                    byIdentifier.computeIfAbsent(key(id.value()), k -> new ArrayList<>()).add(new Alias(s.code(), id));
                }
            }
        }

        @Override
        public Optional<String> schoolCode(String identifier, int year) {
            for (Alias a : byIdentifier.getOrDefault(key(identifier), List.of())) {
                if (a.identifier == null || a.identifier.validIn(year)) {
                    return Optional.of(a.code);
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> subjectCode(String nameOrCode) {
            String s = nameOrCode.trim().replaceAll("\\s+", " ");
            return s.isEmpty() ? Optional.empty() : Optional.of(Character.toUpperCase(s.charAt(0)) + s.substring(1));
        }

        private static String key(String identifier) {
            return identifier.trim().toLowerCase(Locale.ROOT);
        }
    }
}
