package ru.msoko.core.objectivity;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ru.msoko.core.canonical.Directory;
import ru.msoko.core.canonical.InputException;
import ru.msoko.core.canonical.Problem;

/** {@code official-markers.csv}: {@code school_code;year;markers} — a simple canonical form of the ФИС ОКО lists. */
final class OfficialMarkersFile {

    private OfficialMarkersFile() {
    }

    static List<OfficialMarker> read(Path file, Directory directory) throws IOException {
        List<OfficialMarker> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String name = file.getFileName().toString();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().fieldSeparator(';')
                .ofNamedCsvRecord(Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", ""))) {
            for (NamedCsvRecord r : csv) {
                long row = r.getStartingLineNumber();
                String code = r.findField("school_code").orElse("").trim();
                String yearText = r.findField("year").orElse("").trim();
                if (!yearText.matches("\\d{4}")) {
                    problems.add(new Problem(name, null, row, "year", "год «" + yearText + "» не распознан"));
                    continue;
                }
                int year = Integer.parseInt(yearText);
                var school = directory.schoolCode(code, year);
                if (school.isEmpty()) {
                    problems.add(new Problem(name, null, row, "school_code", "школа «" + code + "» не найдена в schools.csv"));
                    continue;
                }
                out.add(new OfficialMarker(school.get(), year, r.findField("markers").orElse("").trim()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return out;
    }
}
